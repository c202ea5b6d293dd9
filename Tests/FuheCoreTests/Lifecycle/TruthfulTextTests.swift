import Foundation
import Testing
@testable import FuheCore

/// What the screen and the files say is true: each day count beside its own date, codes and
/// records in Chinese, times in Beijing time and in time order.
@Suite struct TruthfulTextTests {
    typealias F = LifecycleFixtures

    @Test func aLongTermItemShowsEachFigureAgainstItsOwnDate() {
        // The 赫山 item 2 case: a check 76 days away, a deadline much later.
        let item = F.item(status: .longTerm, rectType: .longTerm, created: "2026-01-01", deadline: "2027-08-23",
                          nextCheckOn: "2027-02-07", longTermSince: "2026-06-01")
        let today = F.day("2026-11-23")
        let due = Deadlines.due(item, today: today)
        #expect(due.deadlineText == "剩余273天")
        #expect(due.nextCheck == F.day("2027-02-07") && due.nextCheckText == "剩余76天")
        #expect(due.summary == "2027-08-23 剩余273天；下次检查 2027-02-07 剩余76天")
        #expect(Deadlines.dueText(item, today: today) == "剩余273天；下次检查 2027-02-07 剩余76天")
        #expect(!due.summary.contains("2027-08-23 剩余76天"))
        // The check passed without progress: overdue against the check, not the deadline.
        let late = Deadlines.due(item, today: F.day("2027-02-10"))
        #expect(late.nextCheckText == "逾期3天" && late.deadlineText == "剩余194天")
        var checked = item
        checked.progress = [F.entry("2026-12-01")]
        #expect(Deadlines.due(checked, today: F.day("2027-02-10")).nextCheckText == "已过3天（已登记进度）")
        // Past the deadline itself.
        #expect(Deadlines.due(item, today: F.day("2027-09-01")).deadlineText == "已过时限9天")
    }

    @Test func otherItemsCountToTheirDeadline() {
        let today = F.day("2021-06-28")
        #expect(Deadlines.due(F.item(status: .inProgress, deadline: "2021-06-30"), today: today).summary == "2021-06-30 剩余2天")
        #expect(Deadlines.due(F.item(status: .pending, deadline: "2021-06-28"), today: today).deadlineText == "今日到期")
        #expect(Deadlines.due(F.item(status: .pending, deadline: "2021-06-20"), today: today).deadlineText == "逾期8天")
        #expect(Deadlines.due(F.item(status: .submitted, deadline: "2021-06-30", submittedOn: "2021-06-25"), today: today).deadlineText == "待销号核实")
        #expect(Deadlines.due(F.item(status: .closed, deadline: "2021-06-30"), today: today).summary == "2021-06-30")
        #expect(Deadlines.dueText(F.item(status: .closed), today: today) == "")
    }

    @Test func historyNamesCodesAndRecordsInChinese() {
        #expect(JournalText.value("\"UNREVIEWED\"", entity: "result", field: "status") == "未复核")
        #expect(JournalText.value("\"REVIEWED\"", entity: "result", field: "status") == "已复核")
        #expect(JournalText.value("\"SUBMITTED\"", entity: "item", field: "status") == "待销号")
        #expect(JournalText.value("\"SUBMITTED\"", entity: "review", field: "status") == "待确认")
        #expect(JournalText.value("\"IN_REVIEW\"", entity: "evaluation", field: "status") == "复核中")
        #expect(JournalText.value("\"LONG_TERM\"", entity: "item", field: "rectType") == "持续整改")
        #expect(JournalText.value("\"CALC_ERROR\"", entity: "finding", field: "category") == "计算错误")
        #expect(JournalText.value("\"out\"", entity: "lease", field: "status") == "借出中")
        #expect(JournalText.value(nil) == "（空）")
        let progress = #"[{"by":"孙某","date":"2019-12-20","percent":20,"text":"已制定计划"}]"#
        #expect(JournalText.value(progress, entity: "item", field: "progress") == "2019-12-20 孙某：已制定计划（20%）")
        let history = #"[{"by":"马某","new":"2020-01-10","old":"2019-12-31","on":"2019-12-30","reason":"冬季停工"}]"#
        #expect(JournalText.value(history, entity: "item", field: "deadlineHistory") == "2019-12-30 马某：2019-12-31 → 2020-01-10（冬季停工）")
        #expect(JournalText.value(#"[{"name":"马某","role":"LEADER"}]"#, entity: "review", field: "team") == "马某（组长）")
        #expect(!JournalText.value(#"{"a":"1","b":"2"}"#).contains("="))
        // Times in Beijing time, whatever zone they were written in.
        #expect(JournalText.value("\"2019-11-28T01:30:00Z\"", entity: "result", field: "reviewedAt") == "2019-11-28 09:30")
        #expect(BeijingTime.display("2026-11-23T10:30:05.123+08:00") == "2026-11-23 10:30")
        #expect(BeijingTime.display("2026-11-23T02:30:05Z") == "2026-11-23 10:30")
        #expect(BeijingTime.display("不是时间") == "不是时间")
    }

    @Test func historyLinesAndTheirOrder() {
        func entry(_ seq: Int64, _ at: String, _ field: String, _ old: String?, _ new: String?, entity: String = "result") -> JournalEntry {
            JournalEntry(seq: seq, at: at, batch: seq, record: JournalRecord(actor: "张三", origin: "copy:L-1", dossierID: "D", entity: entity,
                                                                             entityID: "N1", field: field, old: old, new: new, reason: "现场核查"))
        }
        let status = entry(1, "2026-11-23T02:30:00Z", "status", "\"UNREVIEWED\"", "\"REVIEWED\"")
        let (head, change) = JournalText.lines(status)
        #expect(head == "2026-11-23 10:30 · 张三 · 副本 L-1 · 状态")
        #expect(change == "未复核 → 已复核 · 现场核查")
        // A change merged later (higher seq) that happened earlier is listed after the newer one.
        let merged = entry(2, "2026-11-23T09:00:00+08:00", "reviewScore", nil, "\"0.00\"")
        let later = entry(3, "2026-11-23T11:00:00+08:00", "deductionReason", nil, "\"超编\"")
        #expect(JournalText.newestFirst([later, merged, status]).map(\.seq) == [3, 1, 2])
    }

    @Test func gradesSayWhoseTheyAre() {
        var u = UnitSummary(dossierID: "D", unitName: "甲", fiscalYear: 2021, yearIsDemo: false, evalType: .project, status: .inReview,
                            reviewStatus: .draft, selfTotal: F.score("95"), selfGrade: "優", reviewTotal: F.score("40"), reviewComplete: false,
                            reviewGrade: nil, reviewedRows: 2, scorableRows: 9, warningCount: 0, openItems: 0, totalItems: 0, overdueItems: 0)
        #expect(u.gradeText == "优（自评）")
        u.reviewComplete = true
        u.reviewGrade = "良"
        #expect(u.gradeText == "良（复核）")
    }
}
