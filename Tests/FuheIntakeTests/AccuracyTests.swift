import Foundation
import Testing
import FuheCore
import FuheIntake

/// Accuracy of report intake, measured against the hand-made expected facts: recall and
/// precision per kind of fact, printed as a table; the test fails below the targets
/// (every stated score and total found and mapped right; ≥ 90 % of figures with the right label;
/// problems and measures split right in ≥ 6 of 7 reports; every known error flagged; no value
/// invented). The same facts are measured on variants of the texts.
@Suite struct AccuracyTests {
    static func measure(_ title: String, matchLines: Bool, fileName: @escaping (String) -> String = { $0 },
                        _ drafts: [IntakeDraft]) throws -> IntakeAccuracy {
        var a = IntakeAccuracy(matchLines: matchLines)
        a.measure(try IntakeFixtures.expected(), drafts: drafts, fileName: fileName)
        print(a.table(title: title))
        if !a.misses.isEmpty { print("  未中：" + a.misses.prefix(40).joined(separator: "\n  未中：")) }
        return a
    }

    static func requireTargets(_ a: IntakeAccuracy, figuresFloor: Double = 0.9) {
        for kind in ["自评得分", "总分", "印出的分值"] {
            #expect(a.rows[kind]?.recall == 1, "\(kind) recall")
            #expect(a.rows[kind]?.precision == 1, "\(kind) precision")
        }
        #expect((a.rows["数字（含正确标签）"]?.recall ?? 0) >= figuresFloor, "figures with the right label")
        #expect(a.listsRight >= 6, "problems and measures split right in \(a.listsRight) of \(a.reports)")
        #expect(a.rows["已知错误"]?.recall == 1, "every known error flagged")
        #expect(a.invented.isEmpty, "invented values: \(a.invented)")
        #expect(a.rows["报告"]?.recall == 1, "every report found")
        for kind in ["年度", "评价类型"] { #expect(a.rows[kind]?.recall == 1, "\(kind)") }
    }

    @Test func originalTexts() throws {
        let drafts = try IntakeFixtures.drafts { f, _ in IntakeFixtures.reportsDirectory.appendingPathComponent(f).path }
        let a = try Self.measure("原文（UTF-8 文本）", matchLines: true, drafts)
        Self.requireTargets(a)
        #expect(a.rows["单位"]?.recall == 1 && a.rows["单位"]?.precision == 1)
    }

    @Test func gb18030Copies() throws {
        let dir = try IntakeFixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = try IntakeFixtures.drafts { f, text in
            let url = dir.appendingPathComponent(f)
            try Data(IntakeFixtures.gb18030Bytes(text)).write(to: url)
            return url.path
        }
        #expect(drafts.allSatisfy { $0.source.encoding == "GB18030" || $0.source.encoding == "GBK" })
        Self.requireTargets(try Self.measure("GB18030 编码副本", matchLines: true, drafts))
    }

    @Test func traditionalCopies() throws {
        let dir = try IntakeFixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = try IntakeFixtures.drafts { f, text in
            let url = dir.appendingPathComponent(f)
            try IntakeFixtures.traditional(text).write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        #expect(drafts.contains { $0.source.text.contains("績效") })
        Self.requireTargets(try Self.measure("繁体副本", matchLines: true, drafts))
    }

    @Test func pinyinResidue() throws {
        let dir = try IntakeFixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = try IntakeFixtures.drafts { f, text in
            let url = dir.appendingPathComponent(f)
            try IntakeFixtures.traditional(IntakeFixtures.withPinyin(text)).write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        #expect(drafts.contains { $0.source.cleaning.contains { $0.contains("拼音") } })
        Self.requireTargets(try Self.measure("繁体 + 拼音注音副本", matchLines: true, drafts))
    }

    @Test func docxCopies() throws {
        let dir = try IntakeFixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = try IntakeFixtures.drafts { f, text in
            let url = dir.appendingPathComponent((f as NSString).deletingPathExtension + ".docx")
            try IntakeFixtures.docx(text).write(to: url)
            return url.path
        }
        #expect(drafts.allSatisfy { $0.source.kind == "docx" })
        Self.requireTargets(try Self.measure("DOCX 副本", matchLines: true, fileName: { ($0 as NSString).deletingPathExtension + ".txt" }, drafts))
    }

    @Test func htmlPages() throws {
        let dir = try IntakeFixtures.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let drafts = try IntakeFixtures.drafts { f, text in
            let url = dir.appendingPathComponent((f as NSString).deletingPathExtension + ".html")
            try Data(IntakeFixtures.gb18030Bytes(IntakeFixtures.html(text, title: f))).write(to: url)
            return url.path
        }
        #expect(drafts.allSatisfy { $0.source.kind == "html" })
        #expect(!drafts.contains { $0.source.text.contains("统计代码") || $0.source.text.contains("分享到") || $0.source.text.contains("ICP备") })
        Self.requireTargets(try Self.measure("网页（HTML，GB18030）", matchLines: false, fileName: { ($0 as NSString).deletingPathExtension + ".txt" }, drafts))
    }

    @Test func pdfThroughLibreOfficeAndPdftotext() throws {
        let dir = try IntakeFixtures.folder("pdf")
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdfs = try IntakeFixtures.pdfs(in: dir)
        var drafts: [IntakeDraft] = []
        for p in pdfs { drafts += try Intake.drafts(path: p.path, templates: IntakeFixtures.templates) }
        #expect(drafts.allSatisfy { $0.source.kind == "pdf" })
        let a = try Self.measure("PDF（LibreOffice 生成，pdftotext 读取）", matchLines: false,
                                 fileName: { ($0 as NSString).deletingPathExtension + ".txt" }, drafts)
        Self.requireTargets(a)
    }
}
