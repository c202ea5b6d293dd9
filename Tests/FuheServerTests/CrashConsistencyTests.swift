import Foundation
import FuheClient
import FuheCore
import Synchronization
import Testing

/// `kill -9` of the server while several reviewers are writing: PostgreSQL holds every
/// acknowledged edit exactly once with its journal entry, nothing half-written, the hash chain
/// intact; a client asking while the server is down is told so; the writers carry on after the
/// restart (an edit whose answer was lost is retried, and compare-and-set makes it one change).
@Suite(.serialized) struct CrashConsistencyTests {
    let unit = "SE-HS-ZWZX-2021"

    /// One writer's progress: the last edit the server acknowledged, and errors seen.
    final class Progress: Sendable {
        let acked = Mutex(0)
        let errors = Mutex<[String]>([])
        let stop = Atomic<Bool>(false)
    }

    @Test func aServerKilledMidWriteLeavesPostgreSQLConsistent() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let start = try h.repository("member").dossier(id: unit)
        let nodes = start.template.scorableLeaves.prefix(4).map(\.id)
        try #require(nodes.count == 4)
        let progress = nodes.map { _ in Progress() }
        var threads: [Thread] = []
        for (i, node) in nodes.enumerated() {
            let p = progress[i]
            let repository = try h.repository(i % 2 == 0 ? "member" : "leader")
            let t = Thread { [unit] in
                guard var seen = try? repository.dossier(id: unit) else { p.errors.withLock { $0.append("first read failed") }; return }
                var n = 0
                while !p.stop.load(ordering: .relaxed) {
                    n += 1
                    var row = seen.result(for: node)
                    row.reviewNote = "w\(i)-\(n)"
                    do {
                        _ = try repository.apply([.result(row)], to: unit, base: .seen(seen), actor: "x", reason: nil, origin: "local")
                        seen = seen.applying([.result(row)])
                        p.acked.withLock { $0 = n }
                    } catch {
                        p.errors.withLock { $0.append("\(error)") }
                        return
                    }
                }
            }
            t.start()
            threads.append(t)
        }
        // Let them write, then kill the server in the middle of it.
        let writing = Date().addingTimeInterval(60)
        while progress.contains(where: { $0.acked.withLock { $0 } < 5 }) && Date() < writing { Thread.sleep(forTimeInterval: 0.05) }
        h.kill9()
        let ackedAtKill = progress.map { $0.acked.withLock { $0 } }
        // A client asking now is told the server cannot be reached.
        let asking = try h.client("member")
        do {
            let _: WireHeadProbe = try asking.call("GET", "/v1/head", timeout: 5)
            Issue.record("a dead server answered")
        } catch let unreachable as ServerUnreachable {
            #expect(unreachable.description.contains("无法连接服务器"))
        }
        Thread.sleep(forTimeInterval: 1)
        try h.start()
        // The writers carry on after the restart; then stop them.
        let resumed = Date().addingTimeInterval(60)
        while zip(progress, ackedAtKill).contains(where: { $0.acked.withLock { $0 } < $1 + 3 }) && Date() < resumed {
            Thread.sleep(forTimeInterval: 0.05)
        }
        for p in progress { p.stop.store(true, ordering: .relaxed) }
        while threads.contains(where: { !$0.isFinished }) { Thread.sleep(forTimeInterval: 0.05) }
        for (i, p) in progress.enumerated() {
            #expect(p.errors.withLock { $0 }.isEmpty, "writer \(i): \(p.errors.withLock { $0 })")
            #expect(p.acked.withLock { $0 } >= ackedAtKill[i] + 3, "writer \(i) did not carry on after the restart")
        }
        // Every acknowledged edit is stored, exactly once, with its journal entry.
        let after = try h.repository("member").dossier(id: unit)
        for (i, node) in nodes.enumerated() {
            let acked = progress[i].acked.withLock { $0 }
            #expect(after.result(for: node).reviewNote == "w\(i)-\(acked)")
            let written = try h.pg.value("""
                SELECT string_agg(new, ',' ORDER BY seq) FROM journal WHERE dossier_id = '\(unit)' AND entity = 'result'
                AND entity_id = '\(node)' AND field = 'reviewNote' AND new LIKE '"w\(i)-%'
                """)
            #expect(written == (1...acked).map { "\"w\(i)-\($0)\"" }.joined(separator: ","), "writer \(i)")
        }
        // The journal: no gap, its head where it ends, and the hash chain intact.
        #expect(try h.pg.value("SELECT (SELECT count(*) FROM journal) = (SELECT max(seq) FROM journal) AND (SELECT max(seq) FROM journal) = (SELECT seq FROM journal_head) AND (SELECT hash FROM journal ORDER BY seq DESC LIMIT 1) = (SELECT hash FROM journal_head)") == "t")
        let rows = try h.pg.value("""
            SELECT json_agg(json_build_array(seq, at, actor, origin, dossier_id, entity, entity_id, field, old, new, reason, batch, session,
                                             prev_hash, hash) ORDER BY seq) FROM journal
            """)
        let decoded = try JSONDecoder().decode([[JournalCell]].self, from: Data(rows.utf8))
        let chained = decoded.map { c in
            ChainedEntry(entry: JournalEntry(seq: c[0].int, at: c[1].text!, batch: c[11].int, record: JournalRecord(
                actor: c[2].text!, origin: c[3].text!, dossierID: c[4].text, entity: c[5].text!, entityID: c[6].text!, field: c[7].text!,
                old: c[8].text, new: c[9].text, reason: c[10].text, session: c[12].text)), previousHash: c[13].text!, hash: c[14].text!)
        }
        let verification = JournalHash.verify(chained)
        #expect(verification.isIntact && verification.entries == chained.count, "\(verification)")
    }
}

/// `GET /v1/head`'s answer, whatever it holds (the call is expected to fail).
private struct WireHeadProbe: Decodable {}

/// One cell of a journal row as PostgreSQL's json_build_array gives it.
private enum JournalCell: Decodable {
    case number(Int64), string(String), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null } else if let n = try? c.decode(Int64.self) { self = .number(n) } else { self = .string(try c.decode(String.self)) }
    }

    var text: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int64 { if case .number(let n) = self { n } else { -1 } }
}
