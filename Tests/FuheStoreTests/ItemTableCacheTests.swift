import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `itemTable()` keeps the table it read and, when the journal moved, reads again only the
/// dossiers the new entries name. After every kind of write — an item changed, added or removed,
/// a finding's text, a dossier imported, a unit renamed for all its dossiers, the samples
/// deleted, another connection's commit — it must equal the straightforward read
/// (`itemDigests()`), row for row and in order; and so must the dashboard's units
/// (`cycleUnits`, kept the same way), every unit's findings (`findingDigests()`) and figures.
@Suite struct ItemTableCacheTests {
    static func expectCurrent(_ store: FuheStore, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try store.itemDigests()
        let table = try store.itemTable()
        #expect(table.digests == expected, "\(what)", sourceLocation: sourceLocation)
        // Every unit's findings (`P a`).
        let findings = try store.findingDigests()
        #expect(findings == (try store.queue.read { db in try FuheStore.readFindingDigests(db, dossiers: nil).flatMap(\.rows) }),
                "\(what), findings", sourceLocation: sourceLocation)
        // The dashboard's units, and its figures from the kept table, against reads from scratch.
        for day in [SampleStore.today, SampleStore.today.adding(days: 40)] {
            let units = try store.cycleUnits(today: day)
            let fresh = try store.queue.read { db in try FuheStore.readCycleUnits(db, today: day).map(\.1) }
            #expect(units == fresh, "\(what), units on \(day)", sourceLocation: sourceLocation)
            let stats = try store.cycleStats(today: day)
            let direct = CycleStats.compute(units: fresh, findingCounts: try store.findingCounts(), items: try store.itemFacts(), today: day)
            #expect(stats == direct, "\(what), figures on \(day)", sourceLocation: sourceLocation)
        }
    }

    /// The dossiers the journal entries after the cached mark name, as the cache sees them.
    static func changed(_ store: FuheStore, since mark: JournalMark) throws -> [String]? {
        try store.queue.read { db in try mark.dossiersChanged(db) }
    }

    static func head(_ store: FuheStore) throws -> JournalMark { try store.queue.read { try JournalMark.head($0) } }

    @Test func everyWriteIsSeenByTheNextRead() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let store = s.store
        try Self.expectCurrent(store, "first read")
        try Self.expectCurrent(store, "second read, nothing changed")

        let withItems = try store.unitList().filter { $0.totalItems > 0 }
        try #require(withItems.count >= 3)

        // An item changed: only its dossier is read again.
        var d = try store.dossier(id: withItems[0].dossierID)
        var item = d.items[0]
        item.measure = "改为：逐项核对资金拨付凭证"
        item.status = .inProgress
        let before = try Self.head(store)
        _ = try store.apply([.item(item)], to: d.id, base: .unconditional, actor: "测试")
        #expect(try Self.changed(store, since: before) == [d.id])
        try Self.expectCurrent(store, "an item changed")

        // A finding's text (the items' 问题 column) changed.
        d = try store.dossier(id: withItems[1].dossierID)
        var finding = try #require(d.findings.first { f in d.items.contains { $0.findingID == f.id } })
        finding.description = "資金撥付滯後（繁体写法）"
        _ = try store.apply([.finding(finding)], to: d.id, base: .unconditional, actor: "测试")
        try Self.expectCurrent(store, "a finding's text changed")

        // Every item of a unit removed: the unit leaves the table.
        let gone = try store.dossier(id: withItems[2].dossierID)
        _ = try store.apply(gone.items.map { .removeItem(id: $0.id) }, to: gone.id, base: .unconditional, actor: "测试")
        #expect(try store.itemTable().units.contains { $0.dossierID == gone.id } == false)
        try Self.expectCurrent(store, "a unit's items removed")

        // An item added to that unit, now without items: the unit comes back in its place.
        var added = item
        added.id = "RI-NEW-1"
        added.seq = 1
        var newFinding = finding
        newFinding.id = "F-NEW-1"
        added.findingID = newFinding.id
        _ = try store.apply([.finding(newFinding), .item(added)], to: gone.id, base: .unconditional, actor: "测试")
        try Self.expectCurrent(store, "an item added to a unit without items")

        // A dossier imported (an earlier year of a unit with items).
        var earlier = try store.dossier(id: withItems[1].dossierID)
        earlier.cycle = EvaluationCycle(id: "C-2019-T", fiscalYear: 2019, yearIsDemo: true, name: "2019年度测试")
        earlier.evaluation.id = earlier.id + "-2019"
        earlier.evaluation.cycleID = earlier.cycle.id
        try store.importDossiers([earlier], actor: "测试")
        try Self.expectCurrent(store, "a dossier imported")

        // The unit renamed by a replacing import: every dossier of the unit moves in the order.
        var renamed = try store.dossier(id: withItems[1].dossierID)
        renamed.unit.name = "阿坝测试单位（改名）"
        renamed.unit.shortName = "阿坝测试单位"
        try store.importDossiers([renamed], mode: .replaceExisting, actor: "测试")
        try Self.expectCurrent(store, "a unit renamed for all its dossiers")

        // Another connection commits: this store's next read sees it.
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        var d2 = try other.dossier(id: withItems[1].dossierID)
        var moved = try #require(d2.items.first)
        moved.deadline = moved.deadline.adding(days: 30)
        d2.items[0] = moved
        _ = try other.apply([.item(moved)], to: d2.id, base: .unconditional, actor: "另一会话")
        try Self.expectCurrent(store, "another connection's commit")

        // The samples deleted: their units leave the table.
        _ = try store.removeSamples(actor: "测试")
        try Self.expectCurrent(store, "the samples deleted")
        #expect(try store.itemTable().count == store.itemDigests().count)
    }

    @Test func manyChangesOrAnEntryAboutNoDossierReadTheWholeTable() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let mark = try Self.head(s.store)
        #expect(try Self.changed(s.store, since: mark) == [])
        // A mark that is not in this journal (another store, or one reset and written again).
        #expect(try Self.changed(s.store, since: JournalMark(seq: mark.seq, hash: "not-this-journal")) == nil)
        #expect(try Self.changed(s.store, since: JournalMark(seq: mark.seq + 1_000, hash: "")) == nil)
        // A template written by itself is about no dossier.
        let before = try Self.head(s.store)
        var template = try #require(try s.store.templates().first { !$0.id.hasPrefix("T") } ?? s.store.templates().first)
        template.id = "T-CACHE-TEST"
        template.name = "缓存测试模板"
        try s.store.importDossiers([], templates: [template], actor: "测试")
        if try Self.head(s.store) != before {
            #expect(try Self.changed(s.store, since: before) == nil)
        }
        try Self.expectCurrent(s.store, "after a template import")
    }

    @Test func theWarmUpReadsOnItsOwnConnectionWhatTheViewsThenFindKept() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let store = s.store
        #expect(try store.queue.read { db in try store.itemCache.keptTable(db) } == nil)
        #expect(try store.warmKeptViews(today: SampleStore.today))
        // Kept at the journal's head: the next reads are the kept rows, equal to reads from scratch.
        let kept = try #require(try store.queue.read { db in try store.itemCache.keptTable(db) })
        #expect(kept.digests == (try store.itemDigests()))
        try Self.expectCurrent(store, "after the warm-up")
    }

    @Test func theWarmUpLeavesAnOfflineCopyAlone() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let copyPath = s.directory.appendingPathComponent("copy.sqlite").path
        let copy = try FuheStore.open(path: copyPath, createIfMissing: true, clock: s.clock, kind: .copy)
        // A copy keeps a rollback journal: a second connection reading would block its writes.
        #expect(try copy.warmKeptViews(today: SampleStore.today) == false)
    }

    @Test func theSpliceKeepsTheUnitListOrder() {
        func key(_ k: String, _ y: Int, _ id: String) -> UnitOrderKey { UnitOrderKey(sortKey: Array(k.utf8), year: y, id: Array(id.utf8)) }
        #expect(key("a", 2020, "x") < key("b", 2019, "a"))
        #expect(key("a", 2019, "z") < key("a", 2020, "a"))
        #expect(key("a", 2020, "D-1") < key("a", 2020, "D-2"))
        #expect(key("ab", 2020, "x") > key("a", 2020, "x"))
        #expect(!(key("a", 2020, "x") < key("a", 2020, "x")))
    }
}
