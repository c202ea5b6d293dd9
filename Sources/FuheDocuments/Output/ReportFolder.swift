import Foundation

/// The folder documents written from the workstation go to: the configured folder (`fuhe
/// --reports-dir`), else `$FUHE_REPORTS_DIR`, else the saved setting (`reports-dir` in
/// settings.conf), else the user's documents folder (`$XDG_DOCUMENTS_DIR`, or `XDG_DOCUMENTS_DIR`
/// in `$XDG_CONFIG_HOME/user-dirs.dirs`) when it exists, else the working directory.
public enum ReportFolder {
    /// Which setting chose the folder.
    public enum Origin: Sendable, Equatable {
        /// The command line (`--reports-dir`).
        case configured
        /// `$FUHE_REPORTS_DIR`.
        case environment
        /// The settings file (`reports-dir` in settings.conf).
        case saved
        /// The user's documents folder.
        case documents
        /// Nothing was set: the working directory.
        case workingDirectory
    }

    public static func resolve(configured: String?, saved: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) -> URL {
        locate(configured: configured, saved: saved, environment: environment, currentDirectory: currentDirectory).folder
    }

    /// The folder and which setting chose it (for telling the user how to choose another).
    public static func locate(configured: String?, saved: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) -> (folder: URL, origin: Origin) {
        let home = environment["HOME"] ?? NSHomeDirectory()
        for (candidate, origin) in [(configured, Origin.configured), (environment["FUHE_REPORTS_DIR"], .environment), (saved, .saved)] {
            if let path = candidate, !path.isEmpty { return (URL(fileURLWithPath: expand(path, home: home), isDirectory: true), origin) }
        }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        for candidate in [environment["XDG_DOCUMENTS_DIR"], userDirsDocuments(configHome + "/user-dirs.dirs", home: home)] {
            guard let path = candidate, !path.isEmpty else { continue }
            let expanded = expand(path, home: home)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory), isDirectory.boolValue {
                return (URL(fileURLWithPath: expanded, isDirectory: true), .documents)
            }
        }
        return (URL(fileURLWithPath: currentDirectory, isDirectory: true), .workingDirectory)
    }

    /// `XDG_DOCUMENTS_DIR="$HOME/文档"` from a user-dirs.dirs file.
    static func userDirsDocuments(_ file: String, home: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("XDG_DOCUMENTS_DIR=") {
            var value = line.dropFirst("XDG_DOCUMENTS_DIR=".count)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    static func expand(_ path: String, home: String) -> String {
        if path == "~" || path == "$HOME" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        if path.hasPrefix("$HOME/") { return home + path.dropFirst(5) }
        return path
    }
}

/// File names of the documents: the unit, the year and the document, safe on every file system.
public enum DocumentNames {
    /// "益阳市赫山区政务服务中心2021年度复核意见书.docx".
    public static func unitDocument(_ kind: DocumentKind, unitName: String, year: Int) -> String {
        safe("\(unitName)\(year)年度\(kind.title)") + ".docx"
    }

    /// "2021年度复核结果通报.docx".
    public static func cycleReport(yearText: String) -> String { safe("\(yearText)年度\(DocumentKind.cycleReport.title)") + ".docx" }

    /// Characters that are not allowed or not wise in file names become "_".
    static func safe(_ name: String) -> String {
        String(name.map { ch in
            if ch == "/" || ch == "\\" || ch == ":" || ch == "*" || ch == "?" || ch == "\"" || ch == "<" || ch == ">" || ch == "|"
                || ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "_" }
            return ch
        })
    }

    /// `name` in `folder`, or "name（2）.docx", "name（3）.docx" … when it is taken.
    public static func unused(_ name: String, in folder: URL) -> URL {
        let first = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: first.path) else { return first }
        let ext = (name as NSString).pathExtension
        let stem = (name as NSString).deletingPathExtension
        var n = 2
        while true {
            let candidate = folder.appendingPathComponent("\(stem)（\(n)）" + (ext.isEmpty ? "" : ".\(ext)"))
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            n += 1
        }
    }
}
