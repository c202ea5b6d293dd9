import Testing
@testable import FuheCore

/// The change feed grouped by batch, and the sentence a following session shows for it.
@Suite struct ChangeTextTests {
    static func entry(_ seq: Int64, batch: Int64, actor: String = "李某", entity: String = "result", id: String = "N11", field: String,
                      old: String?, new: String?, reason: String? = nil, origin: String = "local", session: String? = "s-li") -> JournalEntry {
        JournalEntry(seq: seq, at: "2026-11-23T10:02:03.000+08:00", batch: batch,
                     record: JournalRecord(actor: actor, origin: origin, dossierID: "SE-1", entity: entity, entityID: id, field: field,
                                           old: old, new: new, reason: reason, session: session))
    }

    @Test func aScoreChangeReadsAsTheIssueSaysIt() {
        let d = LifecycleFixtures.dossier()
        let batch = ChangeBatch(batch: 7, entries: [
            Self.entry(1, batch: 7, field: "reviewScore", old: "\"4.50\"", new: "\"3.00\""),
            Self.entry(2, batch: 7, field: "reviewedBy", old: "\"王某\"", new: "\"李某\""),
        ])
        #expect(ChangeText.sentence(batch, dossier: d) == "李某 修改了 1.1 复核分 4.50 → 3.00")
        #expect(ChangeText.sentence(batch, dossier: d, withUnit: true) == "李某 修改了 黄土矿镇人民政府 1.1 复核分 4.50 → 3.00")
    }

    @Test func severalFieldsCreationsUndoAndMergesAreSaidSo() {
        let d = LifecycleFixtures.dossier()
        let two = ChangeBatch(batch: 8, entries: [
            Self.entry(1, batch: 8, field: "deductionReason", old: nil, new: "\"超编\""),
            Self.entry(2, batch: 8, field: "verifiedActual", old: nil, new: #"{"number":110,"text":"110%"}"#),
        ])
        #expect(ChangeText.sentence(two, dossier: d) == "李某 修改了 1.1 核实值 （空） → 110% 等 2 处")
        let created = ChangeBatch(batch: 9, entries: [Self.entry(1, batch: 9, entity: "evidence", id: "EV-7", field: "*", old: nil, new: "{}")])
        #expect(ChangeText.sentence(created, dossier: d) == "李某 新建了 佐证 EV-7")
        let undo = ChangeBatch(batch: 10, entries: [Self.entry(1, batch: 10, field: "reviewScore", old: "\"3.00\"", new: "\"4.50\"", reason: "撤销 #7")])
        #expect(ChangeText.sentence(undo, dossier: d) == "李某 撤销了 #7，修改了 1.1 复核分 3.00 → 4.50")
        let merged = ChangeBatch(batch: 11, entries: [Self.entry(1, batch: 11, actor: "张三", field: "reviewNote", old: nil, new: "\"已复印\"",
                                                                 origin: "copy:L-1")])
        #expect(ChangeText.sentence(merged, dossier: d) == "张三 经副本 L-1 修改了 1.1 复核备注 （空） → 已复印")
        let lease = ChangeBatch(batch: 12, entries: [Self.entry(1, batch: 12, actor: "王某", entity: "lease", id: "L-1", field: "status",
                                                                old: "\"out\"", new: "\"merged\"", reason: "合并副本 a.fuhe")])
        #expect(ChangeText.sentence(lease, dossier: d) == "王某 合并了副本 L-1：合并副本 a.fuhe")
        let imported = ChangeBatch(batch: 13, entries: [Self.entry(1, batch: 13, actor: "王某", entity: "dossier", id: "SE-1", field: "*",
                                                                   old: nil, new: "imported", origin: "import")])
        #expect(ChangeText.sentence(imported, dossier: d) == "王某 导入了 黄土矿镇人民政府")
    }

    @Test func theFeedGroupsBatchesAndTellsOthersFromOneself() {
        let entries = [
            Self.entry(5, batch: 3, field: "reviewScore", old: nil, new: "\"1.00\"", session: "mine"),
            Self.entry(6, batch: 4, field: "reviewScore", old: "\"1.00\"", new: "\"2.00\""),
            Self.entry(7, batch: 4, field: "reviewedBy", old: nil, new: "\"李某\""),
        ]
        let feed = ChangeFeed(since: JournalPosition(4), entries: entries, isComplete: true)
        #expect(feed.head == JournalPosition(7))
        #expect(feed.batches.map(\.batch) == [3, 4])
        #expect(feed.batches[1].entries.count == 2 && feed.batches[1].actor == "李某")
        #expect(feed.fromOthers(than: "mine").map(\.batch) == [4])
        #expect(feed.dossierIDs == ["SE-1"])
        let empty = ChangeFeed(since: JournalPosition(7), entries: [], isComplete: true)
        #expect(empty.isEmpty && empty.head == JournalPosition(7))
    }
}
