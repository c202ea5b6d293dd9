import Foundation
import Testing
import FuheDocuments
import FuheTestSupport

/// `fuhe report …` and `fuhe ledger --format xlsx` through the real binary, on the default store
/// with the sample dossiers: what a reviewer does, and every bad input (one message, non-zero
/// exit, nothing written).
@Suite struct ReportCommandTests {
    private func folder(_ r: BinaryRunner, _ name: String) throws -> String {
        let path = r.file(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func files(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    /// The text of a part of a .docx: every `w:t`'s text joined (runs split anywhere by Word).
    private func body(_ path: String, part: String = "word/document.xml") throws -> String {
        let xml = String(decoding: try DocxPackage.read(docx: URL(fileURLWithPath: path))[part] ?? [], as: UTF8.self)
        let pattern = try NSRegularExpression(pattern: "<w:t(?: [^>]*)?>([^<]*)</w:t>")
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap {
            Range($0.range(at: 1), in: xml).map { String(xml[$0]) }
        }.joined()
    }

    @Test func reviewerWritesHeshansDocumentsTheCycleReportAndTheLedger() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let out = try folder(r, "文书")
        let review = try r.run(["report", "review", "赫山", "--out", out + "/"])
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("已写入：\(out)/益阳市赫山区政务服务中心2021年度复核意见书.docx"))
        #expect(try r.run(["report", "notice", "heshan", "--out", out]).status == 0)
        let cycle = try r.run(["report", "cycle", "--out", out])
        #expect(cycle.status == 0, "\(cycle.stderr)")
        #expect(cycle.stdout.contains("通报涵盖 11 个单位"))
        let ledger = try r.run(["ledger", "--format", "xlsx", "--out", out + "/整改台账.xlsx"])
        #expect(ledger.status == 0, "\(ledger.stderr)")
        #expect(files(out) == ["2017—2021年度复核结果通报.docx", "整改台账.xlsx", "益阳市赫山区政务服务中心2021年度复核意见书.docx",
                               "益阳市赫山区政务服务中心2021年度整改通知书.docx"])
        for name in files(out) {
            let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)")
        }
        #expect(try body(out + "/益阳市赫山区政务服务中心2021年度复核意见书.docx").contains("在职人员控制率"))
        // The 通报 takes the filters of fuhe list.
        let projects = try r.run(["report", "cycle", "--type", "project", "--out", r.file("项目通报.docx")])
        #expect(projects.status == 0, "\(projects.stderr)")
        #expect(projects.stdout.contains("通报涵盖 5 个单位"))
        #expect(try body(r.file("项目通报.docx")).contains("本通报范围：项目支出"))
        #expect(try r.run(["report", "cycle", "--type", "bogus", "--out", r.file("x.docx")]).stderr.contains("--type “bogus” 无法识别"))
        #expect(try r.run(["report", "cycle", "--year", "1999", "--out", r.file("x.docx")]).stderr.contains("没有符合条件的单位"))
        // Several units at once go into a folder under their own names.
        let many = try r.run(["report", "review", "宜章", "黄土矿", "--out", out])
        #expect(many.status == 0, "\(many.stderr)")
        #expect(files(out).contains("宜章县某局2019年度复核意见书.docx") && files(out).contains("绥宁县黄土矿镇人民政府2020年度复核意见书.docx"))
    }

    @Test func badInputIsRefusedWithOneMessageAndNothingWritten() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let out = try folder(r, "out")
        // Unknown unit.
        var result = try r.run(["report", "review", "不存在的单位", "--out", out])
        #expect(result.status != 0)
        #expect(result.stderr.contains("没有单位与“不存在的单位”相符"))
        // A template that is not a DOCX, and an old .doc.
        try Data("这只是文本".utf8).write(to: URL(fileURLWithPath: r.file("模板.docx")))
        result = try r.run(["report", "review", "赫山", "--out", out, "--template", r.file("模板.docx")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("模板 \(r.file("模板.docx"))：不是 DOCX 文件"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)).write(to: URL(fileURLWithPath: r.file("旧.doc")))
        result = try r.run(["report", "review", "赫山", "--out", out, "--template", r.file("旧.doc")])
        #expect(result.stderr.contains("Word 97-2003"))
        // A template field that does not exist: named, with its place.
        let template = r.file("局模板.docx")
        #expect(try r.run(["report", "template", "review", "--out", template]).status == 0)
        var package = try DocxPackage.read(docx: URL(fileURLWithPath: template))
        let document = String(decoding: package["word/document.xml"] ?? [], as: UTF8.self)
        package["word/document.xml"] = Array(document.replacingOccurrences(of: "{{复核依据}}", with: "{{复核文件}}").utf8)
        let misspelt = r.file("错字段.docx")
        try package.write(to: URL(fileURLWithPath: misspelt))
        result = try r.run(["report", "review", "赫山", "--out", out, "--template", misspelt])
        #expect(result.status != 0)
        #expect(result.stderr.contains("没有名为“复核文件”的字段：{{复核文件}}（正文第5段“根据{{复核文件}}"), "\(result.stderr)")
        // An unwritable folder (root writes through permissions, so use a read-only file system).
        let readOnly = getuid() == 0 ? "/sys" : try folder(r, "只读")
        if getuid() != 0 { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly) }
        result = try r.run(["report", "review", "赫山", "--out", readOnly + "/意见书.docx"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(readOnly)/意见书.docx") && (result.stderr.contains("没有写入权限") || result.stderr.contains("写文件失败")), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: readOnly + "/意见书.docx"))
        // A folder that does not exist.
        result = try r.run(["ledger", "--format", "xlsx", "--out", r.file("没有/台账.xlsx")])
        #expect(result.stderr.contains("文件夹 \(r.file("没有")) 不存在"))
        #expect(files(out).isEmpty, "\(files(out))")
    }

    @Test func existingOutputIsRefusedUnlessForce() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let path = r.file("意见书.docx")
        try Data("别人的文件".utf8).write(to: URL(fileURLWithPath: path))
        var result = try r.run(["report", "review", "赫山", "--out", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path)：文件已存在；要覆盖它请加 --force"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "别人的文件")
        // Several units: one existing file refuses the whole batch before anything is written.
        let out = try folder(r, "批量")
        try Data("x".utf8).write(to: URL(fileURLWithPath: out + "/宜章县某局2019年度复核意见书.docx"))
        result = try r.run(["report", "review", "赫山", "宜章", "--out", out])
        #expect(result.status != 0)
        #expect(files(out) == ["宜章县某局2019年度复核意见书.docx"])
        result = try r.run(["report", "review", "赫山", "--out", path, "--force"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try body(path).contains("益阳市赫山区政务服务中心"))
        #expect(files(r.home.path).allSatisfy { !$0.hasSuffix(".tmp") })
        result = try r.run(["ledger", "--out", r.file("台账.csv")])
        #expect(result.status == 0)
        #expect(try r.run(["ledger", "--out", r.file("台账.csv")]).stderr.contains("已存在"))
        #expect(try r.run(["ledger", "--format", "xlsx"]).stderr.contains("--out"))
    }

    @Test func bureauTemplateAndTheFieldList() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let template = r.file("局意见书模板.docx")
        try BureauTemplates.write(.reviewOpinion, to: URL(fileURLWithPath: template))
        let out = r.file("局意见书.docx")
        let result = try r.run(["report", "review", "宜章", "--template", template, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try body(out)
        #expect(text.contains("被评价单位：") && text.contains("宜章县某局") && text.contains("项目立项规范性"))
        #expect(!text.contains("{{"))
        #expect(try body(out, part: "word/header1.xml").contains("宜章县某局　2019年度"))
        let fields = try r.run(["report", "fields", "review"])
        #expect(fields.status == 0)
        #expect(fields.stdout.contains("{{#评分表}}…{{/评分表}}") && fields.stdout.contains("    {{扣分原因}}"))
        #expect(try r.run(["report", "fields", "报告"]).status != 0)
    }
}
