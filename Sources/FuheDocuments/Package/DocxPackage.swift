import Foundation

/// The parts of a WordprocessingML package by name (`word/document.xml` …), in package order.
/// Read from a .docx file or from a folder of parts (the bundled templates are kept as XML files
/// in `Resources/documents/` so that they can be read and reviewed in the repository), and
/// written as a .docx.
public struct DocxPackage: Sendable {
    public private(set) var names: [String] = []
    private var bytesByName: [String: [UInt8]] = [:]

    public init() {}

    public subscript(name: String) -> [UInt8]? {
        get { bytesByName[name] }
        set {
            if let newValue {
                if bytesByName[name] == nil { names.append(name) }
                bytesByName[name] = newValue
            } else if bytesByName.removeValue(forKey: name) != nil {
                names.removeAll { $0 == name }
            }
        }
    }

    static let mainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    static let templateContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

    /// Reads a .docx (or .dotx) file; refuses what is not one, with the reason.
    public static func read(docx url: URL) throws(TemplateError) -> DocxPackage {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .notADocx("无法读取文件 \(url.path)") }
        let head = (try? handle.read(upToCount: 8)) ?? nil
        try? handle.close()
        let magic = [UInt8](head ?? Data())
        if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw .notADocx("这是旧版 Word 97-2003 (.doc) 或 WPS (.wps) 文件，请在 Word/WPS 中另存为 .docx")
        }
        if magic.starts(with: Array("{\\rtf".utf8)) { throw .notADocx("这是 RTF 文件，请在 Word/WPS 中另存为 .docx") }
        guard magic.starts(with: [0x50, 0x4B]) else { throw .notADocx("不是 ZIP 压缩包（.docx 是 ZIP 格式）") }
        var package = DocxPackage()
        for (name, bytes) in try ZipIO.read(url) { package[name] = bytes }
        try package.checkIsWordDocument()
        return package
    }

    /// Reads a package kept as files, one folder per layer; later layers replace earlier parts.
    public static func read(folders: [URL]) throws -> DocxPackage {
        var package = DocxPackage()
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            var found: [String] = []
            for case let url as URL in walker where !isJunk(url.lastPathComponent)
                && (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                found.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
            }
            for name in found.sorted(by: partOrder) {
                package[name] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            }
        }
        try package.checkIsWordDocument()
        return package
    }

    /// Files an editor or a file manager leaves beside the parts (`.rels` files are parts).
    static func isJunk(_ name: String) -> Bool {
        name == ".DS_Store" || name.hasPrefix("._") || name.hasSuffix("~") || name.hasSuffix(".swp")
    }

    /// `[Content_Types].xml` first, then the rest by name.
    private static func partOrder(_ a: String, _ b: String) -> Bool {
        let first = "[Content_Types].xml"
        if a == first || b == first { return a == first && b != first }
        return a < b
    }

    private func checkIsWordDocument() throws(TemplateError) {
        guard let types = self["[Content_Types].xml"] else { throw .notADocx("缺少 [Content_Types].xml") }
        guard self["word/document.xml"] != nil else { throw .notADocx("缺少 word/document.xml（不是 Word 文档）") }
        guard self["_rels/.rels"] != nil else { throw .notADocx("缺少 _rels/.rels（包关系）") }
        let text = String(decoding: types, as: UTF8.self)
        if text.contains("macroEnabled") { throw .notADocx("含宏的文档（.docm/.dotm）不能用作模板，请另存为 .docx") }
        guard text.contains(Self.mainContentType) || text.contains(Self.templateContentType) else {
            throw .notADocx("word/document.xml 不是 Word 正文部件")
        }
    }

    /// The package as a .docx: a template's content type becomes a document's.
    func zipEntries() -> [(name: String, bytes: [UInt8])] {
        names.map { name in
            var bytes = bytesByName[name] ?? []
            if name == "[Content_Types].xml" {
                let text = String(decoding: bytes, as: UTF8.self)
                if text.contains(Self.templateContentType) {
                    bytes = Array(text.replacingOccurrences(of: Self.templateContentType, with: Self.mainContentType).utf8)
                }
            }
            return (name, bytes)
        }
    }

    /// Writes the package as a .docx file at `url` (which must not exist).
    public func write(to url: URL) throws { try ZipIO.write(zipEntries(), to: url) }
}
