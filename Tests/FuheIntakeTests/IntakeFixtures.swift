import Foundation
import FuheCore
import FuheExchange
import FuheIntake
import FuheResources
import ZIPFoundation

/// The shared report texts, the hand-made expected facts, the bundled templates, and the variants
/// of the texts the tests make (other encodings, HTML, DOCX, traditional characters, pinyin
/// residue, PDF through LibreOffice and pdftotext).
enum IntakeFixtures {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let reportsDirectory = directory.appendingPathComponent("reports")

    static let reportFiles = ["001_83b6565323139711.txt", "002_1fd08a09e2cdf23f.txt", "004_f444a14e3d1f7ac3.txt"]

    static func text(_ file: String) throws -> String {
        try String(contentsOf: reportsDirectory.appendingPathComponent(file), encoding: .utf8)
    }

    static func expected() throws -> ExpectedFacts {
        try ExpectedFacts.load(Data(contentsOf: directory.appendingPathComponent("expected-facts.json")))
    }

    static let templates: [IndicatorTemplate] = {
        (try? TemplateLoader.templates(in: ResourceFiles.templatesDirectory)) ?? []
    }()

    /// A private temporary folder.
    static func folder(_ name: String = "intake") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // MARK: Variants

    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func gb18030Bytes(_ text: String) -> [UInt8] { Array(text.data(using: gb18030)!) }

    /// The text in traditional characters (ICU Hans-Hant).
    static func traditional(_ text: String) -> String {
        text.applyingTransform(StringTransform("Hans-Hant"), reverse: false)!
    }

    /// Pinyin residue after some characters, as some sites leave it ("区(qū)", "现(xiàn)").
    static func withPinyin(_ text: String) -> String {
        let readings: [Character: String] = ["区": "qū", "现": "xiàn", "县": "xiàn", "预": "yù", "费": "fèi", "绩": "jì", "镇": "zhèn"]
        var out = ""
        for ch in text {
            out.append(ch)
            if let r = readings[ch] { out += "(\(r))" }
        }
        return out
    }

    /// The text as a saved government page: head, scripts, styles, navigation, share bar and
    /// footer around one paragraph per line.
    static func html(_ text: String, title: String) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            body += line.trimmingCharacters(in: .whitespaces).isEmpty ? "\n" : "<p>\(escape(String(line)).replacingOccurrences(of: "  ", with: "&nbsp;&nbsp;"))</p>\n"
        }
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <script>var _hmt = _hmt || []; document.write("<div>统计代码 预算 资金 绩效</div>");</script>
            <style>.nav { color: red } p { margin: 0 }</style></head>
            <body><div class="top-nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 财政预算绩效管理</div>
            <div id="share-bar">分享到：微信 微博</div>
            <div class="article-content">
            \(body)</div>
            <div class="footer">主办单位：某县人民政府 承办单位：某县行政审批服务局 网站地图 湘ICP备05013746号</div>
            </body></html>
            """
    }

    /// A DOCX built from the text: one paragraph per line (empty lines as empty paragraphs);
    /// `table` rows become a real Word table after line `tableAfter`.
    static func docx(_ text: String, table: [[String]] = [], tableAfter: Int? = nil) throws -> Data {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func paragraph(_ s: String) -> String {
            s.isEmpty ? "<w:p/>" : "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia=\"宋体\"/></w:rPr><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r></w:p>"
        }
        var body = ""
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            body += paragraph(String(line))
            if i + 1 == tableAfter {
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                for row in table {
                    body += "<w:tr>" + row.map { "<w:tc><w:tcPr><w:tcW w:w=\"1800\" w:type=\"dxa\"/></w:tcPr>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
                }
                body += "</w:tbl>"
            }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in [("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/document.xml", document)] {
            let data = Data(content.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// Runs LibreOffice headless in its own profile; fails (never skips) when it is missing.
    static func soffice(_ arguments: [String], in dir: URL) throws {
        guard let tool = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile) else {
            throw FixtureError("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui")
        }
        let profile = dir.appendingPathComponent("lo-profile")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore"] + arguments + ["--outdir", dir.path]
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw FixtureError("soffice \(arguments) failed with status \(p.terminationStatus)") }
    }

    /// The reports as PDFs made by LibreOffice from the UTF-8 texts.
    static func pdfs(in dir: URL) throws -> [URL] {
        var inputs: [String] = []
        for f in reportFiles {
            let url = dir.appendingPathComponent(f)
            try text(f).write(to: url, atomically: true, encoding: .utf8)
            inputs.append(url.path)
        }
        try soffice(["--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf"] + inputs, in: dir)
        return reportFiles.map { dir.appendingPathComponent(($0 as NSString).deletingPathExtension + ".pdf") }
    }

    /// Drafts of the three report files read through `make` (which turns a file's text into a
    /// file on disk and returns its path).
    static func drafts(_ make: (String, String) throws -> String) throws -> [IntakeDraft] {
        var out: [IntakeDraft] = []
        for f in reportFiles {
            out += try Intake.drafts(path: try make(f, try text(f)), templates: templates)
        }
        return out
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
