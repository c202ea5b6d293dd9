import Foundation
import Testing
@testable import FuheDocuments

@Suite struct TemplateEngineTests {
    typealias S = TemplateTestSupport

    private let schema = FieldSchema([
        .text("单位名称", "unit"), .text("总分", "total"), .flag("有问题", "flag"),
        .list("指标", "rows", [.text("编码", "code"), .text("名称", "name"), .flag("一级", "level 1")]),
        .list("问题", "findings", [.text("描述", "text"), .list("事项", "items", [.text("措施", "measure")])]),
        .chart("图", "chart"),
    ])

    private func fill(_ body: String, _ values: [String: TemplateValue]) throws -> DocxPackage {
        let template = try S.template(body: body)
        try template.validate(schema)
        return try template.fill(S.record(values))
    }

    @Test func fieldSplitAcrossRunsAsWordSavesIt() throws {
        // Word splits typed text at spelling marks, revision ids and formatting changes.
        let body = """
        <w:p><w:r w:rsidR="00A1"><w:t>关于</w:t></w:r><w:r><w:t>{{</w:t></w:r><w:proofErr w:type="spellStart"/>\
        <w:r w:rsidRPr="00B2"><w:t>单位</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:rPr><w:b/></w:rPr><w:t>名称}</w:t></w:r>\
        <w:r><w:t>}的复核意见</w:t></w:r></w:p>
        """
        let filled = try fill(body, ["单位名称": .text("益阳市赫山区政务服务中心")])
        #expect(try S.paragraphs(filled) == ["关于益阳市赫山区政务服务中心的复核意见"])
        let xml = String(decoding: filled["word/document.xml"] ?? [], as: UTF8.self)
        // The value takes the formatting of the run the field starts in (not the bold one).
        #expect(xml.contains("<w:r><w:t xml:space=\"preserve\">益阳市赫山区政务服务中心</w:t></w:r>"))
    }

    @Test func listRepeatsTheTableRowsBetweenItsMarks() throws {
        let body = """
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>编码</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>名称</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>\(S.p("{{#指标}}{{#一级}}【{{编码}}】"))</w:tc><w:tc>\(S.p("{{名称}}{{/一级}}"))</w:tc></w:tr>\
        <w:tr><w:tc>\(S.p("{{^一级}}{{编码}}"))</w:tc><w:tc>\(S.p("{{名称}}{{/一级}}{{/指标}}"))</w:tc></w:tr>\
        <w:tr><w:tc>\(S.p("合计"))</w:tc><w:tc>\(S.p("{{总分}}"))</w:tc></w:tr></w:tbl>
        """
        let rows: [TemplateRecord] = [
            S.record(["编码": .text("1"), "名称": .text("投入"), "一级": .flag(true)]),
            S.record(["编码": .text("1.1"), "名称": .text("预算配置"), "一级": .flag(false)]),
            S.record(["编码": .text("2"), "名称": .text("过程"), "一级": .flag(true)]),
        ]
        let filled = try fill(body, ["指标": .list(rows), "总分": .text("95.00")])
        #expect(try S.tableRows(filled, table: 1) == [["编码", "名称"], ["【1】", "投入"], ["1.1", "预算配置"], ["【2】", "过程"], ["合计", "95.00"]])
        let xml = String(decoding: filled["word/document.xml"] ?? [], as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:cantSplit/>").count - 1 == 2)
    }

    @Test func paragraphSectionsRepeatAndNestAndMarkerParagraphsDisappear() throws {
        // Marker paragraphs as Word keeps them: with a style and a spelling mark.
        let marker = { (tag: String) in
            "<w:p><w:pPr><w:pStyle w:val=\"a3\"/><w:jc w:val=\"left\"/></w:pPr><w:proofErr w:type=\"spellStart\"/><w:r><w:rPr><w:b/></w:rPr><w:t>\(tag)</w:t></w:r></w:p>"
        }
        let body = S.p("前言") + marker("{{#问题}}") + S.p("问题：{{描述}}") + S.p("{{#事项}}措施：{{措施}}") + marker("{{/事项}}")
            + marker("{{/问题}}") + S.p("{{^问题}}未发现问题") + S.p("{{/问题}}") + S.p("结束")
        let findings: [TemplateRecord] = [
            S.record(["描述": .text("未办理采购手续"), "事项": .list([S.record(["措施": .text("补办手续")]), S.record(["措施": .text("完善制度")])])]),
            S.record(["描述": .text("资料不全"), "事项": .list([])]),
        ]
        #expect(try S.paragraphs(try fill(body, ["问题": .list(findings)]))
                == ["前言", "问题：未办理采购手续", "措施：补办手续", "措施：完善制度", "问题：资料不全", "结束"])
        #expect(try S.paragraphs(try fill(body, ["问题": .list([])])) == ["前言", "未发现问题", "结束"])
    }

    @Test func inlineSectionsKeepTheRestOfTheParagraph() throws {
        let body = "<w:p><w:r><w:t xml:space=\"preserve\">得分{{总分}}</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>{{#有问题}}（有问题）{{/有问题}}</w:t></w:r>"
            + "<w:r><w:t>。</w:t></w:r></w:p>"
        #expect(try S.paragraphs(try fill(body, ["总分": .text("90.00"), "有问题": .flag(true)])) == ["得分90.00（有问题）。"])
        #expect(try S.paragraphs(try fill(body, ["总分": .text("90.00"), "有问题": .flag(false)])) == ["得分90.00。"])
        // A section spanning runs: the runs between the marks are split and repeated.
        let spanning = "<w:p><w:r><w:t>成员：{{#问题}}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{{描述}}</w:t></w:r><w:r><w:t>、{{/问题}}完</w:t></w:r></w:p>"
        let list: [TemplateRecord] = [S.record(["描述": .text("甲")]), S.record(["描述": .text("乙")])]
        #expect(try S.paragraphs(try fill(spanning, ["问题": .list(list)])) == ["成员：甲、乙、完"])
    }

    @Test func valuesAreEscapedAndLineBreaksBecomeBreaks() throws {
        let filled = try fill(S.p("{{单位名称}}"), ["单位名称": .text("A&B <C> \"D\"\n第二行\u{1B}[31m")])
        #expect(try S.paragraphs(filled) == ["A&B <C> \"D\"\n第二行␛[31m"])
        let xml = String(decoding: filled["word/document.xml"] ?? [], as: UTF8.self)
        #expect(xml.contains("A&amp;B &lt;C&gt;"))
        #expect(!xml.contains("\u{1B}"))
    }

    @Test func unknownFieldIsNamedWithItsPlace() throws {
        let body = S.p("标题") + "<w:tbl><w:tr><w:tc>\(S.p("x"))</w:tc></w:tr><w:tr><w:tc>\(S.p("a"))</w:tc><w:tc>\(S.p("复核{{单位名}}"))</w:tc></w:tr></w:tbl>"
        let template = try S.template(body: body)
        #expect {
            try template.validate(schema)
        } throws: { error in
            let text = "\(error)"
            return text.contains("单位名") && text.contains("正文第4段") && text.contains("表格1第2行第2列") && text.contains("复核{{单位名}}")
        }
        // Inside a list that would be empty: still reported (validation does not depend on the data).
        let inList = try S.template(body: S.p("{{#指标}}{{编号}}") + S.p("{{/指标}}"))
        #expect(throws: TemplateError.self) { try inList.validate(schema) }
        #expect(throws: TemplateError.self) { try S.template(body: S.p("{{指标}}")).validate(schema) }
    }

    @Test func brokenMarksAreRefusedWithTheirPlace() throws {
        for (body, words) in [(S.p("a{{单位名称"), "缺少“}}”"), (S.p("{{/指标}}"), "没有对应的 {{#指标}}"),
                              (S.p("{{#指标}}") + S.p("x"), "没有对应的 {{/指标}}"),
                              (S.p("{{#问题}}{{#指标}}") + S.p("{{/问题}}{{/指标}}"), "应先闭合内层"), (S.p("{{ }}"), "空的字段标记")] {
            #expect {
                _ = try S.template(body: body)
            } throws: { error in "\(error)".contains(words) && "\(error)".contains("正文第") }
        }
    }

    @Test func emptyListLeavesTablesAndCellsValid() throws {
        let body = "<w:tbl><w:tr><w:tc>\(S.p("{{#指标}}{{编码}}"))</w:tc><w:tc>\(S.p("{{名称}}{{/指标}}"))</w:tc></w:tr></w:tbl>"
            + "<w:tbl><w:tr><w:tc>\(S.p("{{#问题}}{{描述}}"))\(S.p("{{/问题}}"))</w:tc></w:tr></w:tbl>"
        let filled = try fill(body, ["指标": .list([]), "问题": .list([])])
        let xml = String(decoding: filled["word/document.xml"] ?? [], as: UTF8.self)
        // The first table has no rows left and is dropped; the cell of the second keeps a paragraph.
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 == 1)
        #expect(xml.contains("<w:tc><w:p/></w:tc>"))
    }

    @Test func chartFieldAddsAChartPartWithItsRelationshipAndContentType() throws {
        let spec = ChartSpec(title: "等次分布", categories: ["优", "良"], series: [.init(name: "自评", values: [3, 1])])
        let filled = try fill(S.p("{{图}}") + S.p("{{图}}"), ["图": .chart(spec)])
        let chart = String(decoding: filled["word/charts/chart1.xml"] ?? [], as: UTF8.self)
        #expect(chart.contains("<c:v>优</c:v>") && chart.contains("<c:v>3</c:v>") && chart.contains("等次分布"))
        #expect(filled["word/charts/chart2.xml"] != nil)
        let rels = String(decoding: filled["word/_rels/document.xml.rels"] ?? [], as: UTF8.self)
        #expect(rels.contains("Target=\"charts/chart1.xml\"") && rels.contains("Target=\"charts/chart2.xml\""))
        let types = String(decoding: filled["[Content_Types].xml"] ?? [], as: UTF8.self)
        #expect(types.contains("/word/charts/chart2.xml"))
        let xml = String(decoding: filled["word/document.xml"] ?? [], as: UTF8.self)
        #expect(xml.contains("wp:docPr id=\"1\"") && xml.contains("wp:docPr id=\"2\""))
        #expect(throws: TemplateError.self) { try S.template(body: S.p("{{#图}}x{{/图}}")).validate(schema) }
    }

    @Test func notADocxIsRefusedWithTheReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-notdocx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(String, [UInt8], String)] = [
            ("plain.docx", Array("这不是文档".utf8), "不是 ZIP"),
            ("old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 64), "Word 97-2003"),
            ("broken.docx", [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 40), "不是 ZIP"),
        ]
        for (name, bytes, words) in cases {
            let url = dir.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            #expect { _ = try DocxPackage.read(docx: url) } throws: { "\($0)".contains(words) }
        }
        // A ZIP that is not a Word document.
        let zip = dir.appendingPathComponent("other.docx")
        try ZipIO.write([(name: "hello.txt", bytes: Array("hi".utf8))], to: zip)
        #expect { _ = try DocxPackage.read(docx: zip) } throws: { "\($0)".contains("[Content_Types].xml") }
    }
}
