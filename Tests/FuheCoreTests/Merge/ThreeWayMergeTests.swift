import Foundation
import Testing
@testable import FuheCore

/// The pure three-way merge on stored JSON: what applies on its own, what conflicts, and how
/// decisions resolve.
@Suite struct ThreeWayMergeTests {
    let key = EntityKey(dossierID: "D", entity: "result", id: "N1")
    let valid: ThreeWayMerge.Validator = { _, _ in nil }

    func plan(_ b: String?, _ m: String?, _ c: String?, locked: Set<String> = [], validate: ThreeWayMerge.Validator? = nil) -> MergePlan {
        func snap(_ json: String?) -> EntitySnapshot { json.map { [key: $0] } ?? [:] }
        return ThreeWayMerge.plan(base: snap(b), main: snap(m), copy: snap(c), locked: locked, validate: validate ?? valid)
    }

    /// Same fields and values (key order is not meaningful).
    func same(_ resolved: String??, _ expected: String) -> Bool {
        guard case .some(.some(let json)) = resolved else { return false }
        return JSONFields.split(json) == JSONFields.split(expected)
    }

    @Test func onlyTheCopyChangedApplies() throws {
        let p = plan(#"{"a":1,"b":"x"}"#, #"{"a":1,"b":"x"}"#, #"{"a":2,"b":"x"}"#)
        #expect(p.conflicts.isEmpty)
        #expect(p.changes == [PlannedChange(key: key, field: "a", old: "1", new: "2")])
        #expect(same(try p.resolve([:])[key], #"{"a":2,"b":"x"}"#))
    }

    @Test func onlyMainChangedOrBothAlikeChangesNothing() throws {
        #expect(plan(#"{"a":1}"#, #"{"a":2}"#, #"{"a":1}"#).entityCount == 0)
        #expect(plan(#"{"a":1}"#, #"{"a":2}"#, #"{"a":2}"#).entityCount == 0)
    }

    @Test func differentFieldsMergeAndTheSameFieldConflicts() throws {
        let p = plan(#"{"a":1,"b":1,"c":1}"#, #"{"a":2,"b":1,"c":5}"#, #"{"a":1,"b":3,"c":6}"#)
        #expect(p.conflicts.map(\.primary) == ["c"])
        let c = try #require(p.conflicts.first)
        #expect(c.base == "1" && c.main == "5" && c.copy == "6" && c.kind == .bothChanged)
        #expect(throws: MergeFailure.self) { try p.resolve([:]) }
        #expect(same(try p.resolve([c.id: .main])[key], #"{"a":2,"b":3,"c":5}"#))
        #expect(same(try p.resolve([c.id: .copy])[key], #"{"a":2,"b":3,"c":6}"#))
        #expect(same(try p.resolve([c.id: .value("9")])[key], #"{"a":2,"b":3,"c":9}"#))
    }

    @Test func aReviewScoreIsDecidedWithWhoAndWhen() throws {
        let p = plan(#"{"status":"UNREVIEWED"}"#,
                     #"{"reviewScore":"0.00","reviewedBy":"张三","status":"REVIEWED"}"#,
                     #"{"reviewScore":"1.00","reviewedBy":"李四","status":"REVIEWED"}"#)
        let c = try #require(p.conflicts.first)
        #expect(p.conflicts.count == 1)
        #expect(c.fields == ["reviewScore", "reviewedBy", "status"])
        #expect(same(try p.resolve([c.id: .copy])[key], #"{"reviewScore":"1.00","reviewedBy":"李四","status":"REVIEWED"}"#))
    }

    @Test func appendedProgressFromBothSidesIsKept() throws {
        let p = plan(#"{"progress":["p1"]}"#, #"{"progress":["p1","main"]}"#, #"{"progress":["p1","copy","main"]}"#)
        #expect(p.conflicts.isEmpty)
        #expect(same(try p.resolve([:])[key], #"{"progress":["p1","main","copy"]}"#))
        // A rewritten history is not an append: a conflict.
        #expect(plan(#"{"progress":["p1"]}"#, #"{"progress":["p1","m"]}"#, #"{"progress":["x"]}"#).conflicts.count == 1)
    }

    @Test func evidenceReferencesMergeAsSets() throws {
        let p = plan(#"{"evidenceIDs":["E1","E2"]}"#, #"{"evidenceIDs":["E1","E2","E3"]}"#, #"{"evidenceIDs":["E2","E4"]}"#)
        #expect(same(try p.resolve([:])[key], #"{"evidenceIDs":["E2","E3","E4"]}"#))
    }

    @Test func removedOnOneSideAndChangedOnTheOtherIsAnEntityConflict() throws {
        let p = plan(#"{"a":1}"#, nil, #"{"a":2}"#)
        let c = try #require(p.conflicts.first)
        #expect(c.isWholeEntity && c.kind == .entity)
        #expect(try p.resolve([c.id: .main]).isEmpty)
        #expect(same(try p.resolve([c.id: .copy])[key], #"{"a":2}"#))
        // Removed in the copy, untouched in main: removed.
        #expect(try plan(#"{"a":1}"#, #"{"a":1}"#, nil).resolve([:])[key] == .some(nil))
    }

    @Test func createdOnBothSidesMergesFieldByField() throws {
        let p = plan(nil, #"{"id":"RV","startedAt":"2026-11-24T09:00:00Z","team":["王某"]}"#,
                     #"{"id":"RV","startedAt":"2026-11-23T08:00:00Z","team":["张三"]}"#)
        #expect(p.conflicts.isEmpty)
        #expect(same(try p.resolve([:])[key], #"{"id":"RV","startedAt":"2026-11-23T08:00:00Z","team":["王某","张三"]}"#))
    }

    @Test func aMergeThatBreaksARuleIsDecidedWhole() throws {
        let rule: ThreeWayMerge.Validator = { _, json in json.contains(#""a":2"#) && json.contains(#""b":2"#) ? "a and b cannot both be 2" : nil }
        let p = plan(#"{"a":1,"b":1}"#, #"{"a":2,"b":1}"#, #"{"a":1,"b":2}"#, validate: rule)
        let c = try #require(p.conflicts.first)
        #expect(c.isWholeEntity && c.kind == .brokenRule("a and b cannot both be 2"))
        #expect(same(try p.resolve([c.id: .copy])[key], #"{"a":1,"b":2}"#))
    }

    @Test func aDossierFinalizedInMainTurnsEveryCopyChangeIntoAConflict() throws {
        let p = plan(#"{"a":1,"b":1}"#, #"{"a":1,"b":5}"#, #"{"a":2,"b":1}"#, locked: ["D"])
        let c = try #require(p.conflicts.first)
        #expect(c.kind == .finalizedInMain && c.copy == #"{"a":2,"b":5}"#)
        #expect(try p.resolve([c.id: .main]).isEmpty)
    }

    @Test func labelsSpeakChinese() {
        #expect(MergeLabels.field("reviewScore") == "复核分")
        #expect(MergeLabels.value(nil) == "（空）")
        #expect(MergeLabels.value(#""0.00""#) == "0.00")
        #expect(MergeLabels.value(#"{"number":110,"text":"11/10"}"#) == "11/10")
        #expect(MergeLabels.value("true") == "是")
        #expect(JournalOrigin.label("copy:L-2") == "副本 L-2")
    }
}

/// The byte scanner that splits stored JSON into top-level fields agrees with a full parse.
@Suite struct TopLevelScannerTests {
    @Test(arguments: [
        #"{}"#,
        #"{"a":1}"#,
        #"{"a":"x,}]\"{","b":[1,{"c":"]"}],"d":null,"e":{"f":[]},"g":true}"#,
        #"{"text":"复核：110%，不得分","n":-1.5e3}"#,
    ])
    func agreesWithAFullParse(text: String) throws {
        let fast = try #require(TopLevelScanner.fields(text))
        let slow = Dictionary(uniqueKeysWithValues: fast.keys.map { ($0, JSONFields.canonical(JSONFields.parse(fast[$0]!)!)) })
        let parsed = try #require(JSONFields.parse(text) as? [String: Any])
        #expect(Set(fast.keys) == Set(parsed.keys.filter { !(parsed[$0] is NSNull) }))
        for (key, value) in slow { #expect(value == JSONFields.canonical(parsed[key]!)) }
    }

    @Test(arguments: [#"{ "a": 1 }"#, #"{"a\"b":1}"#, #"[1,2]"#, #"{"a":1"#, #"{"a":1}x"#, ""])
    func declinesWhatTheStoreDoesNotWrite(text: String) {
        #expect(TopLevelScanner.fields(text) == nil)
    }

    @Test func splitFallsBackForOtherText() {
        #expect(JSONFields.split(#"{ "a" : [1, 2] }"#) == ["a": "[1,2]"])
    }
}
