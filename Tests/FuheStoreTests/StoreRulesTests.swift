import Foundation
import GRDB
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Every write path obeys the rules: the conflict pane's typed value, a write and an undo by a
/// person in a role, and `fuhe check` on a store changed behind Fuhe's back.
@Suite struct StoreRulesTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"        // 在职人员控制率, 0–5
    static let fupin = "SE-XXQ-FP-2019"     // a submitted review
    static let member = Actor(name: "杨某", role: .member)
    static let leader = Actor(name: "马某", role: .leader)

    let main: SampleStore
    init() throws { main = try SampleStore() }

    func refusal(_ body: () throws -> Void) -> String {
        do { try body(); return "" } catch { return "\(error)" }
    }

    @Test func aTypedMergeValueMeetsTheRulesOfAnyWrite() throws {
        defer { main.remove() }
        let path = main.directory.appendingPathComponent("site.sqlite").path
        try main.store.checkout(dossierIDs: [Self.heshan], to: path, holder: "张三", actor: "王某")
        let copy = try FuheStore.open(path: path, createIfMissing: false, clock: main.clock)
        for (store, score, reason) in [(copy, "0", "超编1人，不得分"), (main.store, "2.5", "超编，酌减")] {
            var row = try store.dossier(id: Self.heshan).result(for: Self.staffRow)
            row.reviewScore = Score(score)
            row.deductionReason = reason
            row.status = .reviewed
            try store.apply([.result(row)], to: Self.heshan, base: .unconditional, actor: "王某", session: "S")
        }
        try copy.closeForTransfer()
        let prepared = try main.store.prepareMerge(copyPath: path)
        let conflict = try #require(prepared.plan.conflicts.first)
        #expect(conflict.primary == "reviewScore" && conflict.fields.contains("deductionReason"))
        for typed in ["7.00", "-3.00"] {
            let decisions = [conflict.id: MergeDecision.value(JSONFields.quote(typed))]
            #expect(prepared.plan.problem(deciding: conflict.id, with: decisions)?.contains("R-001") == true, "\(typed)")
            let error = refusal { try main.store.commitMerge(prepared, decisions: decisions, actor: "王某") }
            #expect(error.contains("R-001") && error.contains("M-005"), "\(typed): \(error)")
        }
        // Nothing was written, and check still finds the store sound.
        #expect(try main.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewScore == Score("2.5"))
        #expect(try main.store.check().integrityProblems.isEmpty)
        // A value in range goes in, with the copy's reason that travels with it.
        let ok = [conflict.id: MergeDecision.value(JSONFields.quote("1.00"))]
        #expect(prepared.plan.problem(deciding: conflict.id, with: ok) == nil)
        try main.store.commitMerge(prepared, decisions: ok, actor: "王某")
        let row = try main.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        #expect(row.reviewScore == Score("1") && row.deductionReason == "超编1人，不得分")
    }

    @Test func everyStoreWriteChecksTheRow() throws {
        defer { main.remove() }
        var row = try main.store.dossier(id: Self.heshan).result(for: Self.staffRow)
        for bad in ["7", "-3"] {
            row.reviewScore = Score(bad)
            #expect(refusal { try main.store.apply([.result(row)], to: Self.heshan, base: .unconditional, actor: "王某", session: "S") }.contains("R-001"))
        }
        let ghost = IndicatorResult(nodeID: "T9-9", reviewScore: Score("1"))
        #expect(refusal { try main.store.apply([.result(ghost)], to: Self.heshan, base: .unconditional, actor: "王某", session: "S") }.contains("I-001"))
    }

    @Test func membersCannotEditASubmittedReviewNorUndoASubmit() throws {
        defer { main.remove() }
        let store = main.store
        var row = try store.dossier(id: Self.fupin).result(for: "T5-2.1")
        row.reviewNote = "组员补充"
        #expect(refusal { try store.apply([.result(row)], to: Self.fupin, base: .unconditional, actor: Self.member.name, session: "S", person: Self.member) }.contains("RV-002"))
        // The leader returns it (with a reason): members edit again, and the member resubmits.
        var review = try #require(try store.dossier(id: Self.fupin).review)
        let returned = try ReviewLifecycle.returnToDraft(review, by: Self.leader, reason: "请补充加分依据", at: main.clock.now())
        try store.apply([.review(returned)], to: Self.fupin, base: .unconditional, actor: Self.leader.name, reason: "请补充加分依据", session: "S", person: Self.leader)
        try store.apply([.result(row)], to: Self.fupin, base: .unconditional, actor: Self.member.name, session: "S", person: Self.member)
        review = try #require(try store.dossier(id: Self.fupin).review)
        let submitted = try ReviewLifecycle.submit(review, dossier: try store.dossier(id: Self.fupin), by: Self.member, at: main.clock.now())
        let batch = try #require(try store.apply([.review(submitted)], to: Self.fupin, base: .unconditional, actor: Self.member.name, session: "S", person: Self.member))
        // Undoing the submit: refused for the member and for the leader alike (the leader returns, with a reason).
        for actor in [Self.member, Self.leader] {
            #expect(refusal { try store.revert(batch: batch, actor: actor.name, session: "S", person: actor) }.contains("RV-003"))
        }
        #expect(try store.dossier(id: Self.fupin).review?.status == .submitted)
        // A return without a reason, by the leader through a plain write, is refused too.
        var back = submitted
        back.status = .draft
        #expect(refusal { try store.apply([.review(back)], to: Self.fupin, base: .unconditional, actor: Self.leader.name, session: "S", person: Self.leader) }.contains("RV-001"))
        // Undo of an ordinary edit still works and keeps the status the review implies.
        var draftRow = try store.dossier(id: Self.heshan).result(for: Self.staffRow)
        draftRow.reviewNote = "核对编制文件"
        let edit = try #require(try store.apply([.result(draftRow)], to: Self.heshan, base: .unconditional, actor: Self.member.name, session: "S", person: Self.member))
        #expect(try store.revert(batch: edit, actor: Self.member.name, session: "S", person: Self.member) != nil)
        #expect(try store.check().integrityProblems.isEmpty)
    }

    @Test func theStatusIsSettledOnEveryWrite() throws {
        defer { main.remove() }
        let d = try main.store.dossier(id: Self.heshan)
        #expect(d.review == nil && d.evaluation.status == .selected)
        var row = d.result(for: Self.staffRow)
        row.reviewNote = "开始复核"
        // A review started without saying what it does to the status: the store says it.
        let batch = try #require(try main.store.apply([.review(Review(id: "RV-HS")), .result(row)], to: Self.heshan, base: .unconditional, actor: "王某", session: "S"))
        #expect(try main.store.dossier(id: Self.heshan).evaluation.status == .inReview)
        try main.store.revert(batch: batch, actor: "王某", session: "S")
        #expect(try main.store.dossier(id: Self.heshan).evaluation.status == .selected)
    }

    /// A store edited behind Fuhe's back, one break per dossier; `check` names every one.
    @Test func checkFindsEveryRuleAStoreCanBreak() throws {
        defer { main.remove() }
        #expect(try main.store.check().integrityProblems.isEmpty)
        func edit(_ sql: String, _ arguments: StatementArguments = []) throws {
            try main.store.queue.write { db in try db.execute(sql: sql, arguments: arguments) }
        }
        func setJSON(_ table: String, _ key: String, _ id: String, dossier: String, _ path: String, _ value: String) throws {
            try edit("UPDATE \(table) SET json = json_set(json, '\(path)', json(?)) WHERE dossier_id = ? AND \(key) = ?", [value, dossier, id])
        }
        let ids = try main.store.dossierIDs()
        let byPrefix = { (p: String) in ids.first { $0.hasPrefix(p) }! }
        // R-001 above the maximum and below the minimum (two rows of 赫山).
        try setJSON("result", "node_id", Self.staffRow, dossier: Self.heshan, "$.reviewScore", "\"7.00\"")
        try setJSON("result", "node_id", "T4-1.1.2", dossier: Self.heshan, "$.reviewScore", "\"-3.00\"")
        // I-001: a row for a node that is not in the template.
        let jh = byPrefix("SE-JH")
        try edit("INSERT INTO result(dossier_id, node_id, json) VALUES (?, 'T9-9', ?)", [jh, #"{"evidenceIDs":[],"nodeID":"T9-9","status":"UNREVIEWED"}"#])
        // K-003: an item closed by its own responsible person; I-003 evidence that does not exist;
        // I-002 a finding that does not exist; K-004 a next check after the deadline.
        let yy = byPrefix("SE-YYX")
        let yyItems = try main.store.dossier(id: yy).items
        let closed = try #require(try ids.lazy.flatMap { id in try main.store.dossier(id: id).items.map { (id, $0) } }.first { $0.1.status == .closed })
        try setJSON("rect_item", "id", closed.1.id, dossier: closed.0, "$.closedBy", "\"\(closed.1.respPerson)\"")
        try setJSON("rect_item", "id", yyItems[0].id, dossier: yy, "$.evidenceIDs", "[\"EV-404\"]")
        try setJSON("rect_item", "id", yyItems[1].id, dossier: yy, "$.findingID", "\"F-404\"")
        let longTerm = try #require(try ids.lazy.flatMap { id in try main.store.dossier(id: id).items.map { (id, $0) } }.first { $0.1.status == .longTerm })
        try setJSON("rect_item", "id", longTerm.1.id, dossier: longTerm.0, "$.nextCheckOn", "\"\(longTerm.1.deadline.adding(days: 1))\"")
        // I-005: a status the review and items do not give.
        let miluo = byPrefix("SE-ML")
        try edit("UPDATE dossier SET evaluation_json = json_set(evaluation_json, '$.status', 'CLOSED'), status = 'CLOSED' WHERE id = ?", [miluo])
        // R-003 in a submitted review: a row's deduction reason removed.
        let fupinRow = "T5-2.1"
        try edit("UPDATE result SET json = json_remove(json, '$.deductionReason') WHERE dossier_id = ? AND node_id = ?", [Self.fupin, fupinRow])
        // I-004: two findings with one number.
        let findings = try main.store.dossier(id: Self.fupin).findings
        try setJSON("finding", "id", findings[1].id, dossier: Self.fupin, "$.seq", "\(findings[0].seq)")
        try edit("UPDATE finding SET seq = ? WHERE dossier_id = ? AND id = ?", [findings[0].seq, Self.fupin, findings[1].id])

        let problems = try main.store.check().integrityProblems.joined(separator: "\n")
        for expected in ["\(Self.heshan) 1.1.1：R-001", "\(Self.heshan) 1.1.2：R-001", "\(jh)：I-001",
                         "\(closed.0) 整改事项 \(closed.1.id)：K-003", "\(yy) 整改事项 \(yyItems[0].id)：I-003",
                         "\(yy) 整改事项 \(yyItems[1].id)：I-002", "\(longTerm.0) 整改事项 \(longTerm.1.id)：K-004",
                         "\(miluo)：I-005", "\(Self.fupin) 2.1：R-003", "\(Self.fupin)：I-004"] {
            #expect(problems.contains("档案 " + expected), "missing \(expected) in:\n\(problems)")
        }
    }
}

/// Import obeys the same stored rules: a dossier that breaks one is refused whole (the decoder
/// names most breaks with file and line first; the store refuses what reaches it anyway).
@Suite struct ImportRulesTests {
    @Test(arguments: ["I-003", "R-006", "I-004"])
    func aDossierBreakingAStoredRuleIsRefused(code: String) throws {
        let t = try TempStore()
        defer { t.remove() }
        let before = try t.store.journalCount()
        var d = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        d.evaluation.id = "SE-2"
        switch code {
        case "I-003": d.items[0].evidenceIDs = ["EV-404"]
        case "R-006": d.review?.status = .submitted
        default: d.items.append(d.items[0]); d.items[1].id = "RI-2"
        }
        var refusal = ""
        do { try t.store.importDossiers([d], actor: "王某") } catch { refusal = "\(error)" }
        #expect(refusal.contains(code), "\(refusal)")
        #expect(try t.store.journalCount() == before)
        #expect(try t.store.dossierIDs() == ["SE-1"])
    }
}
