import Foundation
import FuheClient
import FuheCore
import FuheWire
import Testing

/// Sessions on the server behave as on the local store: compare-and-set, undo per user, the
/// change feed pushed while a session waits, and nothing lost across a server restart.
@Suite(.serialized) struct OnlineSessionTests {
    let unit = "SE-HS-ZWZX-2021"

    func firstRow(_ d: Dossier) throws -> IndicatorResult {
        try #require(d.template.scorableLeaves.first.map { d.result(for: $0.id) })
    }

    @Test func compareAndSetAndUndoPerUser() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let a = try h.repository("member"), b = try h.repository("leader")
        let seenA = try a.dossier(id: unit), seenB = try b.dossier(id: unit)
        var rowA = try firstRow(seenA), rowB = try firstRow(seenB)
        rowA.reviewNote = "甲的意见"
        rowB.reviewNote = "乙的意见"
        let batch = try #require(try a.apply([.result(rowA)], to: unit, base: .seen(seenA), actor: "x", reason: nil, origin: "local"))
        // B saw the row before A's edit: refused, with A's value now and who wrote it.
        do {
            _ = try b.apply([.result(rowB)], to: unit, base: .seen(seenB), actor: "x", reason: nil, origin: "local")
            Issue.record("a stale write was stored")
        } catch let stale as StaleWrite {
            let field = try #require(stale.fields.first { $0.field == "reviewNote" })
            #expect(field.current == "\"甲的意见\"" && field.proposed == "\"乙的意见\"" && field.changedBy == "王组员")
        }
        // The same value typed by both is no conflict.
        #expect(try b.apply([.result(rowA)], to: unit, base: .seen(seenB), actor: "x", reason: nil, origin: "local") == nil)
        // B cannot undo A's batch; A can, and redo it.
        #expect(throws: UndoRefusal.self) { _ = try b.revert(batch: batch, actor: "x") }
        let undo = try #require(try a.revert(batch: batch, actor: "x"))
        #expect(try firstRow(try a.dossier(id: unit)).reviewNote == rowA.reviewNote.flatMap { _ in seenA.result(for: rowA.nodeID).reviewNote })
        _ = try #require(try a.revert(batch: undo, actor: "x"))
        #expect(try firstRow(try b.dossier(id: unit)).reviewNote == "甲的意见")
        // Once B changed the field, A's undo is refused (never overwrites someone else's value).
        let fresh = try b.dossier(id: unit)
        var later = try firstRow(fresh)
        later.reviewNote = "乙后来改的"
        _ = try b.apply([.result(later)], to: unit, base: .seen(fresh), actor: "x", reason: nil, origin: "local")
        #expect(throws: StaleWrite.self) { _ = try a.revert(batch: batch, actor: "x") }
        // The summary follows (the scoring engine runs on the server).
        #expect(try h.pg.value("SELECT count(*) FROM journal WHERE reason = '撤销 #\(batch)'") != "0")
    }

    @Test func theFeedIsPushedToAWaitingSession() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let leader = try h.repository("leader"), member = try h.repository("member")
        let head = try leader.journalHead()
        let started = Date()
        let waited = Waited()
        let thread = Thread {
            waited.set(try? leader.changes(since: head, limit: 100, wait: 20), Date())
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.5)
        let seen = try member.dossier(id: unit)
        var row = try firstRow(seen)
        row.reviewNote = "推送测试"
        let written = Date()
        _ = try member.apply([.result(row)], to: unit, base: .seen(seen), actor: "x", reason: nil, origin: "local")
        while waited.get().0 == nil && Date().timeIntervalSince(started) < 25 { Thread.sleep(forTimeInterval: 0.02) }
        let (feed, at) = waited.get()
        let got = try #require(feed)
        #expect(got.batches.count == 1 && got.batches[0].actor == "王组员")
        #expect(at!.timeIntervalSince(written) < 1.0, "pushed \(at!.timeIntervalSince(written)) s after the commit")
        // Another team's commits do not wake 乙组's session.
        let outsider = try h.repository("outsider")
        let quiet = try outsider.changes(since: try outsider.journalHead(), limit: 100, wait: 1)
        #expect(quiet.isEmpty)
    }

    final class Waited: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (ChangeFeed?, Date?) = (nil, nil)
        func set(_ f: ChangeFeed?, _ d: Date) { lock.lock(); value = (f, d); lock.unlock() }
        func get() -> (ChangeFeed?, Date?) { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func aServerKilledAndRestartedLosesNoAcknowledgedEditAndSessionsCarryOn() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let member = try h.repository("member")
        let seen = try member.dossier(id: unit)
        var row = try firstRow(seen)
        row.reviewNote = "重启前"
        let batch = try #require(try member.apply([.result(row)], to: unit, base: .seen(seen), actor: "x", reason: nil, origin: "local"))
        let again = try member.dossier(id: unit)
        h.kill9()
        // An edit sent while the server is down waits (保存中) and is stored once it is back.
        let retried = Waited()
        var next = try firstRow(again)
        next.deductionReason = "服务器重启期间提交"
        let sent = next
        let sender = Thread {
            let b = try? member.apply([.result(sent)], to: self.unit, base: .seen(again), actor: "x", reason: nil, origin: "local")
            retried.set(b.map { _ in ChangeFeed(since: JournalPosition(0), entries: [], isComplete: true) }, Date())
        }
        sender.start()
        Thread.sleep(forTimeInterval: 1.5)
        try h.start()
        while retried.get().1 == nil { Thread.sleep(forTimeInterval: 0.05) }
        #expect(retried.get().0 != nil, "the edit sent during the restart was not stored")
        let after = try firstRow(try member.dossier(id: unit))
        #expect(after.reviewNote == "重启前" && after.deductionReason == "服务器重启期间提交")
        // The session's undo still works after the restart (its session id is the same).
        #expect(try h.pg.value("SELECT count(*) FROM journal WHERE batch = \(batch)") != "0")
        #expect(try member.revert(batch: batch + 1, actor: "x") != nil)
    }
}
