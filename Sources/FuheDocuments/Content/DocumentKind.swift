import Foundation
import FuheResources

/// The documents Fuhe writes from a review, each a DOCX template filled with its fields.
public enum DocumentKind: String, CaseIterable, Sendable {
    /// 复核意见书: one unit's review opinion with its scoresheet.
    case reviewOpinion = "review-opinion"
    /// 整改通知书: one unit's findings and what must be fixed by when.
    case rectificationNotice = "rectification-notice"
    /// 复核结果通报: the results across units.
    case cycleReport = "cycle-report"

    /// 复核意见书 / 整改通知书 / 复核结果通报.
    public var title: String {
        switch self {
        case .reviewOpinion: "复核意见书"
        case .rectificationNotice: "整改通知书"
        case .cycleReport: "复核结果通报"
        }
    }

    /// The `fuhe report` subcommand that writes it.
    public var command: String {
        switch self {
        case .reviewOpinion: "review"
        case .rectificationNotice: "notice"
        case .cycleReport: "cycle"
        }
    }

    public static func named(_ text: String) -> DocumentKind? {
        allCases.first { $0.command == text || $0.rawValue == text || $0.title == text }
    }

    /// Every field a template of this kind may use.
    public var schema: FieldSchema {
        switch self {
        case .reviewOpinion: ReviewOpinionContent.schema
        case .rectificationNotice: RectificationNoticeContent.schema
        case .cycleReport: CycleReportContent.schema
        }
    }

    /// The bundled template's parts: `documents/common/` overlaid with `documents/<kind>/`.
    public func bundledPackage() throws -> DocxPackage {
        let root = ResourceFiles.documentsDirectory
        return try DocxPackage.read(folders: [root.appendingPathComponent("common"), root.appendingPathComponent(rawValue)])
    }

    /// The bundled template, compiled and checked against the fields.
    public func bundledTemplate() throws -> DocxTemplate {
        let template = try DocxTemplate(package: try bundledPackage(), name: "内置\(title)模板")
        try template.validate(schema)
        return template
    }

    /// A template file (a bureau's own .docx), compiled and checked against the fields; errors
    /// name the file.
    public func template(file: URL) throws -> DocxTemplate {
        do {
            let template = try DocxTemplate(package: try DocxPackage.read(docx: file), name: file.lastPathComponent)
            try template.validate(schema)
            return template
        } catch {
            throw DocumentError.template(file: file.path, error)
        }
    }
}

/// A template problem with the file it is in.
public enum DocumentError: Error, Sendable, CustomStringConvertible {
    case template(file: String, TemplateError)
    case nothingToWrite(String)

    public var description: String {
        switch self {
        case .template(let file, let error): "模板 \(file)：\(error)"
        case .nothingToWrite(let why): why
        }
    }
}
