import Foundation
import Testing
import FuheCore
import FuheIntake

/// Reading bytes into text: encodings detected from the bytes, places of unreadable characters,
/// cleaning that keeps every place in the original text.
@Suite struct ReaderTests {
    static let report = """
        某县某局2020年度部门整体支出绩效评价报告
        一、基本情况
        2020年预算收入为682.1442

        万元，预算支出为682.1442万元。
        """

    @Test func encodingsAreDetectedFromTheBytes() throws {
        let utf8 = try IntakeReader.read(bytes: Array(Self.report.utf8), file: "a.txt")
        #expect(utf8.encoding == "UTF-8" && utf8.text == Self.report)
        let bom = try IntakeReader.read(bytes: [0xEF, 0xBB, 0xBF] + Array(Self.report.utf8), file: "b.txt")
        #expect(bom.encoding == "UTF-8 (BOM)" && bom.text == Self.report)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in Self.report.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try IntakeReader.read(bytes: utf16, file: "c.txt").text == Self.report)
        let gb = try IntakeReader.read(bytes: IntakeFixtures.gb18030Bytes(Self.report), file: "d.txt")
        #expect(gb.encoding == "GBK" && gb.text == Self.report)
        let rare = Self.report + "\n𠀀€"
        let gb4 = try IntakeReader.read(bytes: IntakeFixtures.gb18030Bytes(rare), file: "e.txt")
        #expect(gb4.encoding == "GB18030" && gb4.text == rare)
        let crlf = try IntakeReader.read(bytes: Array(Self.report.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "f.txt")
        #expect(crlf.text == Self.report)
    }

    @Test func garbledCharactersAreShownAndPlaced() throws {
        var bytes = IntakeFixtures.gb18030Bytes(Self.report + "\n二、存在问题\n资金使用效益有待提高。")
        let line2 = bytes.firstIndex(of: 0x0A)! + 1
        bytes[line2 + 2] = 0xFF  // an invalid byte inside 基本情况 on line 2
        let read = try IntakeReader.read(bytes: bytes, file: "g.txt")
        #expect(read.encoding == "GBK" && read.text.contains("\u{FFFD}"))
        let d = try #require(try Intake.drafts(read, templates: IntakeFixtures.templates).first)
        let note = try #require(d.notes.first { $0.message.contains("无法读出") })
        #expect(note.message.contains("第 2 行") && note.spans.first?.line == 2)
    }

    @Test func placesPointIntoTheOriginalText() throws {
        let text = "某县財政局(jú)2020年度部門整體支出績效評價報告\n區(qū)財政2020年預算收入為682.1442\n\n萬元。"
        let d = try #require(try Intake.drafts(ReadText(file: "h.txt", kind: "text", encoding: "UTF-8", text: text),
                                               templates: IntakeFixtures.templates).first)
        let figure = try #require(d.figures.first { $0.value == "682.1442" })
        #expect(figure.unit == "万元" && figure.label.contains("预算收入"))
        let span = try #require(figure.spans.first)
        #expect(span.line == 2 && span.endLine == 4, "the number and its unit broken over lines")
        #expect(d.source.passage(span).hasPrefix("682.1442"))
        #expect(d.year.value == "2020" && d.source.passage(d.year.spans[0]) == "2020")
        #expect(d.source.cleaning.contains { $0.contains("拼音") } && d.source.cleaning.contains { $0.contains("繁体") })
        #expect(d.source.text == text, "the report text is kept as read")
    }

    @Test func hiddenYearsStayUnknown() throws {
        let text = "某县某局20xx年度部门整体支出绩效自评报告\n我局20xx年预算资金50万元，自评得分95分。"
        let d = try #require(try Intake.drafts(ReadText(file: "i.txt", kind: "text", encoding: "UTF-8", text: text),
                                               templates: IntakeFixtures.templates).first)
        #expect(d.year.value == nil && d.year.printed == "20xx" && d.year.note?.contains("未推测") == true)
        #expect(d.totals.map(\.value) == ["95"] && d.grade.value == nil)
    }

    @Test func pathologicalInputStillReads() throws {
        // One 1 MB line of 其中, brackets and numbers: every pass is linear, so this returns.
        let chunk = "支出1.5万元，其中(A1万元、B0.5万元，占(其中的50%"
        let text = "某局2021年度部门整体支出绩效自评报告\n" + String(repeating: chunk, count: 1_048_576 / chunk.utf8.count)
        let drafts = try Intake.drafts(ReadText(file: "j.txt", kind: "text", encoding: "UTF-8", text: text), templates: IntakeFixtures.templates)
        #expect(drafts.count == 1)
        let html = "<html><body>" + String(repeating: "<p>绩效自评 预算 资金 <b>1万元</b> &amp; <", count: 20_000) + "</body></html>"
        #expect(try IntakeReader.read(bytes: Array(html.utf8), file: "k.html").kind == "html")
    }
}
