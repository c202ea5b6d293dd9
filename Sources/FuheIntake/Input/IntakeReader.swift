import Foundation

/// The text of one input file and how it was read.
public struct ReadText: Sendable {
    /// The file name (no folders).
    public var file: String
    /// `text`, `html`, `docx`, `pdf`.
    public var kind: String
    public var encoding: String
    /// The text, lines separated by "\n" (CRLF and CR folded).
    public var text: String

    public init(file: String, kind: String, encoding: String, text: String) {
        self.file = file
        self.kind = kind
        self.encoding = encoding
        self.text = IntakeReader.lines(text)
    }
}

/// Reads a report file in the forms it arrives in: plain text (UTF-8, UTF-8 with BOM, UTF-16,
/// GB18030/GBK), a saved web page, a DOCX document, or a PDF (through pdftotext). Anything else is
/// refused with one sentence saying what the file is and what to do.
public enum IntakeReader {
    public static func read(path: String) throws(IntakeError) -> ReadText {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
                throw IntakeError(file: file, "是文件夹，不是报告文件")
            }
            throw IntakeError(file: file, FileManager.default.fileExists(atPath: path) ? "无法读取文件（没有读取权限）" : "文件不存在")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: Array("%PDF-".utf8)) {
            return ReadText(file: file, kind: "pdf", encoding: "PDF", text: lines(try PDFText.text(path: path, file: file)))
        }
        return try read(bytes: bytes, data: data, file: file)
    }

    /// Reads bytes already in memory (a PDF needs a path: use `read(path:)`).
    public static func read(bytes: [UInt8], file: String) throws(IntakeError) -> ReadText {
        try read(bytes: bytes, data: Data(bytes), file: file)
    }

    static func read(bytes: [UInt8], data: Data, file: String) throws(IntakeError) -> ReadText {
        if bytes.isEmpty { throw IntakeError(file: file, "文件是空的（0 字节）") }
        if bytes.starts(with: Array("%PDF-".utf8)) {
            throw IntakeError(file: file, "是 PDF 文件：请用 fuhe intake 读取文件路径")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return ReadText(file: file, kind: "docx", encoding: "DOCX", text: lines(try DocxText.text(data, file: file)))
        }
        if let what = knownBinary(bytes) {
            throw IntakeError(file: file, "是\(what)，不是报告文字：请提供报告的文本、网页（HTML）、DOCX 或 PDF 文件")
        }
        let decoded = try ByteDecoder.decode(bytes, file: file)
        var text = decoded.text
        var kind = "text"
        if looksLikeHTML(text, file: file) {
            text = HTMLText.text(text)
            kind = "html"
        }
        let result = ReadText(file: file, kind: kind, encoding: decoded.encoding, text: lines(text))
        guard result.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "|" }) else {
            throw IntakeError(file: file, "文件是空的（没有任何文字）")
        }
        return result
    }

    static func knownBinary(_ b: [UInt8]) -> String? {
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "PNG 图片" }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG 图片" }
        if b.starts(with: Array("GIF8".utf8)) { return "GIF 图片" }
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "旧版 Word/Excel 文件（.doc/.xls）——请另存为 DOCX 或文本" }
        if b.starts(with: Array("{\\rtf".utf8)) { return "RTF 文件——请另存为 DOCX 或文本" }
        if b.starts(with: [0x1F, 0x8B]) { return "gzip 压缩文件" }
        if b.starts(with: Array("Rar!".utf8)) { return "RAR 压缩文件" }
        if b.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "可执行程序" }
        return nil
    }

    static func looksLikeHTML(_ text: String, file: String) -> Bool {
        let ext = (file as NSString).pathExtension.lowercased()
        let head = String(text.unicodeScalars.prefix(4096)).lowercased()
        if ext == "html" || ext == "htm" || ext == "shtml" || ext == "mhtml" { return head.contains("<") }
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
            || (head.contains("<p") && head.contains("</p>")) || (head.contains("<div") && head.contains("</div>"))
    }

    /// CRLF and lone CR as LF.
    static func lines(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in text.unicodeScalars {
            if s == "\r" { out.append("\n"); previousCR = true; continue }
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(s)
        }
        return String(out)
    }
}
