import Foundation
import Testing
@testable import FuheCore

/// The compare-and-set rule every store applies (`StaleField.conflicts`), the refusal's text,
/// and a change's base taken from the dossier as seen.
@Suite struct CompareAndSetRuleTests {
    let key = EntityKey(dossierID: "D", entity: "result", id: "N1")

    @Test func unchangedSinceSeenIsNoConflict() {
        #expect(StaleField.conflicts(key: key, base: #"{"a":"1"}"#, current: #"{"a":"1"}"#, proposed: #"{"a":"2"}"#).isEmpty)
        #expect(StaleField.conflicts(key: key, base: nil, current: nil, proposed: #"{"a":"2"}"#).isEmpty)
    }

    @Test func aFieldChangedByOthersConflictsEvenWhenTheWriteDidNotTouchIt() {
        // B accepts a suggestion computed from the verified value A has since changed: B's write
        // keeps the old (absent) verified value, which must not erase A's.
        let stale = StaleField.conflicts(key: key, base: #"{"status":"UNREVIEWED"}"#,
                                         current: #"{"status":"UNREVIEWED","verifiedActual":{"number":120,"text":"120%"}}"#,
                                         proposed: #"{"reviewScore":"5.00","status":"REVIEWED"}"#)
        #expect(stale == [StaleField(key: key, field: "verifiedActual", base: nil, current: #"{"number":120,"text":"120%"}"#, proposed: nil)])
    }

    @Test func bothWroteTheSameFieldDifferently() {
        let stale = StaleField.conflicts(key: key, base: #"{"n":"x"}"#, current: #"{"n":"x","reviewScore":"4.50"}"#,
                                         proposed: #"{"n":"x","reviewScore":"3.00"}"#)
        #expect(stale.map(\.field) == ["reviewScore"])
        #expect(stale.first?.current == "\"4.50\"" && stale.first?.proposed == "\"3.00\"" && stale.first?.base == nil)
    }

    @Test func aFieldAlreadyHoldingTheProposedValueIsNoConflict() {
        #expect(StaleField.conflicts(key: key, base: #"{"a":"1"}"#, current: #"{"a":"2","b":"x"}"#, proposed: #"{"a":"2","b":"x"}"#).isEmpty)
        #expect(StaleField.conflicts(key: key, base: #"{"a":"1","b":"y"}"#, current: #"{"a":"2","b":"y"}"#, proposed: #"{"a":"2","b":"z"}"#).isEmpty)
    }

    @Test func createdOrRemovedMeanwhileConflictsAsAWhole() {
        // Two sessions create EV-7 with different contents; or one removes what the other edits.
        let created = StaleField.conflicts(key: key, base: nil, current: #"{"title":"A"}"#, proposed: #"{"title":"B"}"#)
        #expect(created.map(\.field) == ["*"])
        let removed = StaleField.conflicts(key: key, base: #"{"title":"A"}"#, current: nil, proposed: #"{"title":"B"}"#)
        #expect(removed.map(\.field) == ["*"] && removed.first?.current == nil)
        // Removing what someone changed since is a conflict on each changed field.
        #expect(StaleField.conflicts(key: key, base: #"{"title":"A"}"#, current: #"{"title":"C"}"#, proposed: nil).map(\.field) == ["title"])
    }

    @Test func theRefusalNamesThePlaceAndTheThreeValues() throws {
        let d = try ConcurrencyFixture.dossier()
        let node = try #require(d.template.scorableLeaves.first)
        let stale = StaleWrite(action: .edit, dossierID: d.id, fields: [
            StaleField(key: EntityKey(dossierID: d.id, entity: "result", id: node.id), field: "reviewScore", base: nil, current: "\"4.50\"",
                       proposed: "\"3.00\"", changedBy: "李某", changedAt: "2026-11-23T10:02:03.123+08:00"),
        ])
        let lines = stale.message(in: d).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("未保存"))
        #expect(lines[1] == "\(node.code) \(node.name) · 复核分：现为 4.50（李某 2026-11-23 10:02 改），你看到的是 （空），你要写 3.00")
        #expect(!stale.description.contains("\n"))
        let undo = StaleWrite(action: .revert(batch: 12), dossierID: d.id, fields: stale.fields)
        #expect(undo.message(in: d).contains("不能撤销/重做 #12") && undo.message(in: d).contains("本会话写的是"))
    }

    @Test func theBaseOfAChangeIsTheEntityAsSeen() throws {
        var d = try ConcurrencyFixture.dossier()
        let node = try #require(d.template.scorableLeaves.first)
        var row = d.result(for: node.id)
        let seen = row
        row.reviewScore = Score("3")
        #expect(ChangeBase.seen(d).seenState(of: .result(row)) == .result(seen))
        #expect(ChangeBase.unconditional.seenState(of: .result(row)) == nil)
        let evidence = Evidence(id: "EV-NEW", title: "新", kind: .other, providedBy: .reviewer, receivedOn: CalendarDay("2026-11-23")!, verified: false)
        #expect(StoreChange.evidence(evidence).state(in: d) == .removeEvidence(id: "EV-NEW"))
        #expect(StoreChange.review(nil).state(in: d) == .review(d.review))
        d.review = nil
        #expect(d.entityStates.contains(.evaluation(d.evaluation)))
        #expect(!d.entityStates.contains { $0.entity == "review" })
        #expect(StoreChange.removeItem(id: "X").entityID(dossierID: d.id) == "X" && StoreChange.evaluation(d.evaluation).entityID(dossierID: d.id) == d.id)
    }
}

/// A small dossier for the pure tests (the lifecycle tests' 黄土矿镇 dossier).
enum ConcurrencyFixture {
    static func dossier() throws -> Dossier { LifecycleFixtures.dossier() }
}
