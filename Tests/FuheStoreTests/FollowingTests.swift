import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// A session notices other sessions' commits cheaply and learns what they changed; two
/// connections racing on one row lose nothing.
@Suite struct FollowingTests {
    static let heshan = "SE-HS-ZWZX-2021"
    static let staffRow = "T4-1.1.1"

    @Test func theVersionMovesOnlyForOtherConnectionsCommits() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
        let v0 = try s.store.storeVersion()
        #expect(try s.store.storeVersion() == v0)
        // Its own commit: the version stays (the session knows what it wrote).
        let view = try s.store.dossier(id: Self.heshan)
        var row = view.result(for: Self.staffRow)
        row.reviewNote = "自己写的"
        try s.store.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: "王某", session: "mine")
        #expect(try s.store.storeVersion() == v0)
        // Another connection's commit moves it.
        let head = try s.store.journalHead()
        let otherView = try other.dossier(id: Self.heshan)
        var otherRow = otherView.result(for: Self.staffRow)
        otherRow.reviewScore = Score("3")
        try other.apply([.result(otherRow)], to: Self.heshan, base: .seen(otherView), actor: "李某", session: "theirs")
        let v1 = try s.store.storeVersion()
        #expect(v1 != v0)
        #expect(try s.store.storeVersion() == v1)
        // What changed since: one batch by 李某, said as the status line would.
        let feed = try s.store.changes(since: head)
        let headNow = try s.store.journalHead()
        #expect(feed.isComplete && feed.head == headNow)
        let batches = feed.fromOthers(than: "mine")
        #expect(batches.count == 1 && batches[0].actor == "李某" && batches[0].session == "theirs")
        #expect(ChangeText.sentence(batches[0], dossier: try s.store.dossier(id: Self.heshan)) == "李某 修改了 1.1.1 复核分 （空） → 3.00")
        #expect(try s.store.changes(since: feed.head).isEmpty)
    }

    @Test func aLongFeedIsCutAtAWholeBatch() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let head = try s.store.journalHead()
        for note in ["一", "二", "三"] {
            let view = try s.store.dossier(id: Self.heshan)
            var row = view.result(for: Self.staffRow)
            row.reviewNote = note
            row.deductionReason = "理由" + note
            try s.store.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: "王某")
        }
        let cut = try s.store.changes(since: head, limit: 3)
        #expect(!cut.isComplete && cut.batches.count == 1 && cut.batches[0].entries.count == 2)
        let rest = try s.store.changes(since: cut.head, limit: 10)
        #expect(rest.isComplete && rest.batches.count == 2)
    }

    /// Two connections each append their own token to a row's note, on threads, retrying when
    /// refused: with compare-and-set every token survives (without it, some are overwritten).
    /// Tokens are unique, so no two writes ever propose the same value (which compare-and-set
    /// rightly treats as no conflict: both wanted that value).
    @Test func twoConnectionsRacingLoseNoWrite() async throws {
        let s = try SampleStore()
        defer { s.remove() }
        let stores = [s.store, try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)]
        let perWriter = 15
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (n, store) in stores.enumerated() {
                group.addTask {
                    for i in 0..<perWriter {
                        while true {
                            let view = try store.dossier(id: Self.heshan)
                            var row = view.result(for: Self.staffRow)
                            row.reviewNote = (row.reviewNote.map { $0 + " " } ?? "") + "w\(n)-\(i)"
                            do {
                                try store.apply([.result(row)], to: Self.heshan, base: .seen(view), actor: "写者\(n)")
                                break
                            } catch is StaleWrite {
                                continue
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let tokens = (try s.store.dossier(id: Self.heshan).result(for: Self.staffRow).reviewNote ?? "").split(separator: " ").map(String.init)
        let expected = (0..<2).flatMap { n in (0..<perWriter).map { "w\(n)-\($0)" } }
        #expect(tokens.sorted() == expected.sorted())
        #expect(try s.store.verifyJournal().isIntact)
        // Every write that returned is in the journal: one entry each.
        let entries = try s.store.journal(dossierID: Self.heshan, entity: "result", entityID: Self.staffRow, field: "reviewNote", limit: 500)
        #expect(entries.count == 2 * perWriter)
    }
}
