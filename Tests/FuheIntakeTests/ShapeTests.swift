import Foundation
import Testing
import FuheCore
import FuheIntake

/// Shapes of reports that the seven shared ones do not all show: a compilation headed 篇一/篇二 in
/// traditional characters with two totals and a score above its weight, a saved page whose
/// 三公 table is an HTML table, a DOCX with a Word table, a hidden year.
@Suite struct ShapeTests {
    static let compilation = """
        績效自評復核整改報告(通用2篇)
        篇一:XX區財政專項扶貧資金績效自評報告
        根據x開辦發[20xx]222號文件要求，我區開展20XX年度財政專項扶貧資金績效考評自查工作，自評得分87分。
        一、資金投入(10分)。縣本級預算安排財政專項扶貧資金增幅得5分；縣本級地方財政收入增量用於預算安排財政專項扶貧資金比例得5分。自評得分10分。
        二、項目支出進度(15分)。年度項目資金結轉結餘率(1年內)得7分；年度項目資金結轉結餘率(1—2年)得2分；年度項目資金結轉結餘(2年以上)得2分；上一年度資金撥付情況得2分。自評得分20分。
        三、資金監管(20分)。自評得分20分。
        四、資金使用成效(45分)。自評得分45分。
        五、項目管理(10分)。自評得分10分。
        綜上，自評總得分101分，評價等次為優良。
        省安排資金1587.88萬元，其中中央資金1116萬元、省級資金382萬元。
        存在的問題
        (一)富民產業支撐貧困村增收能力不強，產業鏈短。
        (二)扶貧資金報賬率低，項目論證週期長。
        整改措施
        1.加大資金整合力度，提高資金使用效益。
        2.加強資金管理，嚴格報賬程序。
        篇二:某衛生院績效考核自查報告
        根據要求，我院開展績效自評，經費支出50萬元，其中人員經費30萬元、公用經費20萬元。
        存在問題:一是人員不足;二是設備老化。
        """

    @Test func compilationInTraditionalCharacters() throws {
        let read = ReadText(file: "compilation.txt", kind: "text", encoding: "UTF-8", text: Self.compilation)
        let drafts = try Intake.drafts(read, templates: IntakeFixtures.templates)
        #expect(drafts.count == 2)
        let d = try #require(drafts.first)
        #expect(d.source.title.hasPrefix("篇一"))
        #expect(d.year.value == nil && d.year.printed == "20XX")
        #expect(d.evalType.value == "SPECIAL_FUND")
        #expect(d.totals.map(\.value) == ["87", "101"])
        #expect(d.grade.value == "优良")
        #expect(d.template.value == "T5")
        let over = d.checks.first { $0.kind == .overWeight }
        #expect(over?.stated == "20" && over?.computed == "15", "score above its printed weight: \(d.checks.map(\.message))")
        let subtotal = d.checks.first { $0.kind == .subtotal && $0.label.contains("项目支出进度") }
        #expect(subtotal?.level == .error && subtotal?.computed == "13")
        let money = d.checks.first { $0.kind == .sum }
        #expect(money?.level == .error && money?.computed == "1498", "\(d.checks.map(\.message))")
        #expect(d.indicators.first { $0.node == "2" }?.weight == "15")
        #expect(d.problems.count == 2 && d.measures.count == 2)
        #expect(d.problems[0].text.contains("富民产业"))
        #expect(InventionAudit.audit(d).isEmpty)
        let second = drafts[1]
        #expect(second.problems.map(\.text) == ["人员不足", "设备老化"])
        #expect(second.checks.contains { $0.kind == .sum && $0.level == .ok })
    }

    @Test func htmlTableOfThreePublicExpenses() throws {
        let html = """
            <html><head><title>某局2021年度部门整体支出绩效自评报告</title><script>alert("预算 资金 1万元")</script></head><body>
            <nav>首页 &gt; 政务公开</nav>
            <h1>某县某局2021年度部门整体支出绩效自评报告</h1>
            <p>2021年“三公”经费情况如下（金额单位：万元）：</p>
            <table><tr><th>项目</th><th>年初预算数</th><th>年末决算数</th><th>金额差异</th><th>超支节约比率</th></tr>
            <tr><td>公务接待费</td><td>10</td><td>8.62</td><td>1.38</td><td>10.3%</td></tr>
            <tr><td>公务用车运行维护费</td><td>6</td><td>5.79</td><td>0.21</td><td>3.5%</td></tr></table>
            <p>根据评分表，自评得分95分，评价等次为优。</p>
            <footer>版权所有 某县人民政府</footer></body></html>
            """
        let read = try IntakeReader.read(bytes: Array(html.utf8), file: "page.html")
        #expect(read.kind == "html")
        #expect(read.text.contains("公务接待费 | 10 | 8.62 | 1.38 | 10.3% |"))
        #expect(!read.text.contains("alert") && !read.text.contains("版权所有") && !read.text.contains("首页"))
        let d = try #require(try Intake.drafts(read, templates: IntakeFixtures.templates).first)
        let ratio = d.checks.first { $0.kind == .tableRow && $0.label.contains("公务接待费") && $0.unit == "%" }
        #expect(ratio?.level == .error && ratio?.computed == "13.80", "\(d.checks.map(\.message))")
        #expect(d.figures.contains { $0.label == "公务接待费·年初预算数" && $0.value == "10" && $0.unit == "万元" })
        #expect(d.totals.map(\.value) == ["95"] && d.grade.value == "优")
        #expect(d.year.value == "2021")
    }

    @Test func docxWordTableKeptAsTable() throws {
        let text = "某县某局2021年度部门整体支出绩效自评报告\n\n一、收支情况\n金额单位:万元"
        let data = try IntakeFixtures.docx(text, table: [["项目", "年初预算数", "年末决算数", "金额差异", "超支节约比率"],
                                                          ["公务接待费", "10", "8.62", "1.38", "13.8%"]], tableAfter: 4)
        let read = try IntakeReader.read(bytes: Array(data), file: "t.docx")
        #expect(read.kind == "docx")
        #expect(read.text.contains("项目 | 年初预算数 | 年末决算数 | 金额差异 | 超支节约比率 |"))
        #expect(read.text.contains("公务接待费 | 10 | 8.62 | 1.38 | 13.8% |"))
        let d = try #require(try Intake.drafts(read, templates: IntakeFixtures.templates).first)
        #expect(d.checks.contains { $0.kind == .tableRow && $0.level == .ok && $0.unit == "%" })
    }

    @Test func roundingLevelDifferencesAreHints() throws {
        let text = """
            南县行政审批服务局2020年度单位项目支出绩效自评报告
            一、项目资金情况
            专项资金共116.79万元，其中互联网+政务服务13.25万元、政务中心51.76万元、一门式42.21万元、扶贫6.13万元、其他3.45万元。
            资金到位116.79万元，已支出116.79万元，已使用100%，即116.79万元。
            """
        let d = try #require(try Intake.drafts(ReadText(file: "nx.txt", kind: "text", encoding: "UTF-8", text: text),
                                               templates: IntakeFixtures.templates).first)
        let sum = try #require(d.checks.first { $0.kind == .sum })
        #expect(sum.level == .hint && sum.computed == "116.8" && sum.message.contains("尾数"), "\(sum.message)")
        #expect(d.checks.contains { $0.kind == .share && $0.level == .ok })
        let suggestion = try #require(FindingSuggestion(sum))
        #expect(suggestion.level == .hint && suggestion.amountInvolved == Money(wanYuan: "0.01"))
    }
}
