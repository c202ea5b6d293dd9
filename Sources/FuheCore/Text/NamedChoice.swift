import Foundation

/// A value a user can name on the command line: by its code (`PROJECT`), its Chinese label
/// (项目支出) or a short word in either language (`project`, 项目). The names live here, beside
/// the enum, so that every option that takes the value accepts the same names.
///
/// `EvalType.named("项目支出") // .project` — `EvalType.named("dept") // .deptOverall`
public protocol NamedChoice: CaseIterable, Hashable, Sendable {
    /// Every name that means this value; the first is the Chinese label shown to users.
    var names: [String] { get }
}

extension NamedChoice {
    /// The value called `text` (names compare ignoring case and surrounding spaces; `fold`
    /// can fold more, e.g. traditional to simplified characters).
    /// A name given as it is written is found without folding: the CLI's fold reads Chinese
    /// through ICU transforms, which cost tens of milliseconds the first time (every start of
    /// `fuhe` parses its `--role`, "member" by default).
    public static func named(_ text: String, fold: (String) -> String = { $0 }) -> Self? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let exact = trimmed.lowercased()
        guard !exact.isEmpty else { return nil }
        if let value = allCases.first(where: { $0.names.contains { $0.lowercased() == exact } }) { return value }
        let wanted = fold(trimmed).lowercased()
        guard !wanted.isEmpty else { return nil }
        return allCases.first { value in value.names.contains { fold($0).lowercased() == wanted } }
    }

    /// Every accepted name, for help texts and shell completion. (A loop into `[String]`, not
    /// `flatMap(\.names)`: every start builds the workstation's `--role` completion, and the
    /// generic `flatMap` and key path cost the runtime's first look-ups there.)
    public static var allNames: [String] {
        var names: [String] = []
        for value in allCases { names.append(contentsOf: value.names) }
        return names
    }

    /// "项目支出 (project)" per value, for an error message listing the choices.
    public static var choicesText: String {
        allCases.map { value in
            let english = value.names.first { $0.unicodeScalars.allSatisfy { $0.isASCII } && $0 == $0.lowercased() }
            return english.map { "\(value.names[0]) (\($0))" } ?? value.names[0]
        }.joined(separator: tr("、", ", "))
    }
}

extension EvalType: NamedChoice {
    public var names: [String] {
        switch self {
        case .project: [label, "项目", rawValue, "project"]
        case .deptOverall: [label, "部门整体", "部门", rawValue, "dept"]
        case .specialFund: [label, "专项", rawValue, "special"]
        }
    }
}

extension ReviewStatus: NamedChoice {
    public var names: [String] {
        switch self {
        case .draft: [label, rawValue, "draft"]
        case .submitted: [label, "已提交", rawValue, "submitted"]
        case .finalized: [label, "定稿", rawValue, "finalized", "final"]
        }
    }
}

extension TeamRole: NamedChoice {
    public var names: [String] {
        switch self {
        case .leader: [label, rawValue, "leader"]
        case .deputy: [label, rawValue, "deputy"]
        case .member: [label, rawValue, "member"]
        case .liaison: [label, rawValue, "liaison"]
        }
    }
}

/// Which side `fuhe merge --prefer` takes in every conflict.
public enum MergePreference: String, NamedChoice {
    case main
    case copy

    public var names: [String] {
        switch self {
        case .main: ["主库", "main"]
        case .copy: ["副本", "copy"]
        }
    }

    /// The decision it makes for each conflict.
    public var decision: MergeDecision { self == .main ? .main : .copy }
}
