import Foundation

/// The user's settings file, `$XDG_CONFIG_HOME/fuhe/settings.conf` (else
/// `~/.config/fuhe/settings.conf`), one `name = value` a line, `#` starting a comment line:
///
///     # where the workstation's D key writes documents
///     reports-dir = ~/文档/复核文书
///
/// An unknown name, a name given twice or a line without “=” is refused with the file and line
/// (before the terminal starts), and nothing of the file is used. No file: no settings.
/// (Keys are configured in keys.conf beside it.)
public struct UserSettings: Equatable, Sendable {
    /// The reports folder (`reports-dir`), as written (`~` and `$HOME/` are expanded when used).
    public var reportsDir: String?

    public init(reportsDir: String? = nil) { self.reportsDir = reportsDir }

    /// Every name the file may set, with what it means (for the messages).
    static let names = ["reports-dir": "文书文件夹（工作台按 D 写出的复核意见书、整改通知书放在这里）"]

    /// Where the file is looked for.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("fuhe/settings.conf")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/fuhe/settings.conf")
    }

    /// The settings in force: the file's, or none when there is no file.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> UserSettings {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return UserSettings() }
        guard let data = FileManager.default.contents(atPath: path) else { throw AppFailure("\(path)：无法读取设置文件") }
        guard let text = String(data: data, encoding: .utf8) else { throw AppFailure("\(path)：不是 UTF-8 文本") }
        return try parse(text, file: path)
    }

    /// Parses the file's text.
    public static func parse(_ text: String, file: String) throws -> UserSettings {
        var settings = UserSettings()
        var seen: [String: Int] = [:]
        for (n, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = n + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw AppFailure("\(file) 第 \(line) 行：应为“名称 = 值”，却是“\(visible(trimmed))”")
            }
            let name = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard names[name] != nil else {
                let known = names.map { "\($0.key)：\($0.value)" }.sorted().joined(separator: "；")
                throw AppFailure("\(file) 第 \(line) 行：没有名为“\(visible(name))”的设置（可用：\(known)）")
            }
            if let first = seen[name] { throw AppFailure("\(file) 第 \(line) 行：“\(name)”已在第 \(first) 行设置过") }
            seen[name] = line
            if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                throw AppFailure("\(file) 第 \(line) 行：“\(name)”的值含有控制字符")
            }
            switch name {
            case "reports-dir": settings.reportsDir = value.isEmpty ? nil : value
            default: break
            }
        }
        return settings
    }

    /// Text as it may be shown in a message: control characters as their Unicode pictures.
    private static func visible(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.value < 0x20 ? Unicode.Scalar(0x2400 + s.value)! : s.value == 0x7F ? Unicode.Scalar(0x2421)! : s
        }))
    }
}
