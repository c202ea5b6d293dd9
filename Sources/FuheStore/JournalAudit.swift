import Foundation
import FuheCore
import GRDB
import Synchronization

/// `fuhe verify`: the journal's chain, its anchors, and the data against the journal.
///
/// 1. The chain: every entry's links (`JournalChain.walk`).
/// 2. The anchors: `meta.journal_count` / `journal_head` must describe the last entry (catches
///    removed tail entries and a wiped journal), SQLite's own sequence must not run past the
///    last entry, and every lease's recorded journal position must still hold the hash it had.
/// 3. The data: per dossier, the values now in the store are replayed backwards through the
///    journal entries since its baseline (each entry must describe the value it left), and what
///    remains must equal the baseline recorded when the dossier came in. A value changed without
///    an entry is named with its dossier, entity and field.
///
/// What this cannot prove: the chain is not keyed, so someone who can write the file and knows
/// the (published) encoding can rewrite entries, recompute every hash and move the anchors;
/// only a head noted outside the file (printed by `fuhe verify`, carried by an offline copy)
/// shows that. See docs/offline-copies.md.
enum JournalAudit {
    /// `linked`: every entry of the journal, when already read.
    static func verify(_ db: Database, checkingData: Bool = true, linked: [Journal.Linked]? = nil) throws -> JournalVerification {
        var result = try linked.map { try JournalChain.walk(db, $0) } ?? JournalChain.walk(db)
        guard result.isIntact else { return result }
        if let problem = try anchorProblem(db, head: result.head, count: result.entries) ?? (checkingData ? dataProblem(db) : nil) {
            result.problem = problem
        }
        return result
    }

    static func anchorProblem(_ db: Database, head: String, count: Int) throws -> String? {
        let storedCount = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal_count'").flatMap { Int($0) }
        let storedHead = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'journal_head'")
        guard let storedCount, let storedHead else {
            return tr("日志的锚点（meta 中的条数与末条哈希）不见了：日志或库被绕过 Fuhe 改动过",
                      "the journal's anchor (entry count and last hash in meta) is missing: the journal or the store was changed outside Fuhe")
        }
        if count == 0 && storedCount > 0 {
            return tr("日志被清空了：锚点记录有 \(storedCount) 条，现在一条也没有", "the journal was wiped: its anchor records \(storedCount) entries, none are left")
        }
        if count < storedCount {
            return tr("日志末尾少了 \(storedCount - count) 条：锚点记录有 \(storedCount) 条，现在只有 \(count) 条",
                      "\(storedCount - count) entries are missing at the end of the journal: its anchor records \(storedCount), \(count) are left")
        }
        if count > storedCount {
            return tr("日志比锚点记录多出 \(count - storedCount) 条：它们不是经由 Fuhe 写入的", "the journal has \(count - storedCount) entries more than its anchor records: they were not written by Fuhe")
        }
        if head != storedHead {
            return tr("日志末条的哈希与锚点记录的不同：日志被改写过", "the journal's last hash differs from its anchor: the journal was rewritten")
        }
        let lastSeq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM journal") ?? 0
        if let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'journal'"), issued > lastSeq {
            return tr("第 \(lastSeq) 条之后的日志条目（直到第 \(issued) 条）被删除了", "journal entries after #\(lastSeq) (up to #\(issued)) were removed")
        }
        if try db.columns(in: "lease").contains(where: { $0.name == "checkout_head" }) {
            for row in try Row.fetchAll(db, sql: "SELECT id, checkout_seq, checkout_head FROM lease WHERE checkout_head != '' ORDER BY id") {
                let (lease, seq, recorded): (String, Int64, String) = (row[0], row[1], row[2])
                guard let hash = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE seq = ?", arguments: [seq]) else {
                    return tr("借出 \(lease) 时日志的第 \(seq) 条不见了：日志被截短过", "journal entry #\(seq), recorded when lease \(lease) was taken, is gone: the journal was cut")
                }
                if hash != recorded {
                    return tr("借出 \(lease) 时记录的日志第 \(seq) 条的哈希已不同：日志被改写过", "journal entry #\(seq) no longer has the hash recorded at lease \(lease): the journal was rewritten")
                }
            }
        }
        return nil
    }

    /// The first value that the journal does not explain, named, or nil. Dossiers are read a
    /// block at a time and audited on every core (the digests of every stored entity are most of
    /// the work); the first problem in id order is the one named, as when auditing one by one.
    static func dataProblem(_ db: Database) throws -> String? {
        guard try db.tableExists("entity_base") else { return nil }
        var bases: [String: (seq: Int64, digest: String?)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT dossier_id, seq, new FROM journal WHERE entity IN ('dossier', 'baseline') AND field = '*' AND dossier_id IS NOT NULL ORDER BY seq
            """) {
            bases[row[0]] = (row[1], Baseline.digest(inMark: row[2]))
        }
        let digester = SharedDigester()
        let ids = try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY id")
        var start = 0
        while start < ids.count {
            let block = ids[start..<min(ids.count, start + 500)]
            start += block.count
            var audits: [DossierAudit] = []
            for dossierID in block {
                guard let base = bases[dossierID], let recorded = base.digest else {
                    audits.append(DossierAudit(id: dossierID, recorded: nil, baseline: [:], texts: [:], later: []))
                    continue
                }
                let later = try Journal.entries(db, sql: "WHERE dossier_id = ? AND seq > ? ORDER BY seq DESC", arguments: [dossierID, base.seq])
                    .filter { Baseline.entities.contains($0.record.entity) }
                audits.append(DossierAudit(id: dossierID, recorded: recorded, baseline: try Baseline.stored(dossierID, db),
                                           texts: try Baseline.texts(of: dossierID, db), later: later))
            }
            let found = try ParallelWork.map(audits) { $0.problem(digester) }
            if let first = found.first(where: { $0 != nil }) { return first }
        }
        return nil
    }

    /// What `fuhe verify` reads of one dossier: its import digest, its baseline, its entities now
    /// and the journal entries since the baseline (newest first).
    struct DossierAudit: Sendable {
        let id: String
        /// The combined digest the import entry recorded (nil: no import entry).
        let recorded: String?
        let baseline: [EntityKey: [UInt8]]
        let texts: [EntityKey: String]
        let later: [JournalEntry]

        func problem(_ digester: SharedDigester) -> String? {
            let dossierID = id
            guard let recorded else {
                return tr("档案 \(dossierID) 没有导入记录：它不是经由 Fuhe 写入的", "dossier \(dossierID) has no import entry: it was not written by Fuhe")
            }
            guard Baseline.combined(baseline) == recorded else {
                return tr("档案 \(dossierID) 的核对基线被改动过（与日志中导入时记录的不同）", "the baseline of dossier \(dossierID) was changed (it differs from what the journal recorded at import)")
            }
            // Only entities the journal touched since the baseline are replayed field by field.
            let touched = Set(later.map { EntityKey(dossierID: dossierID, entity: $0.record.entity, id: $0.record.entityID) })
            var state: [EntityKey: [String: String]] = [:]
            for key in touched { if let json = texts[key] { state[key] = JSONFields.split(json) } }
            for e in later {
                let r = e.record
                let key = EntityKey(dossierID: dossierID, entity: r.entity, id: r.entityID)
                if r.field == "*" {
                    guard state[key] == r.new.map({ JSONFields.split($0) }) else { return changed(key, field: nil, after: e) }
                    state[key] = r.old.map { JSONFields.split($0) }
                } else {
                    guard var fields = state[key], fields[r.field] == r.new else { return changed(key, field: r.field, after: e) }
                    fields[r.field] = r.old
                    state[key] = fields
                }
            }
            var keys = Set(baseline.keys).union(touched)
            keys.formUnion(texts.keys)
            for key in keys.sorted() {
                let now: [UInt8]? = touched.contains(key) ? state[key].map(Baseline.digest) : texts[key].map { digester.digest(key, $0) }
                if baseline[key] != now { return changed(key, field: nil, after: nil) }
            }
            return nil
        }
    }

    /// `Baseline.Digester` shared by the cores auditing at once.
    final class SharedDigester: Sendable {
        private let digester = Mutex(Baseline.Digester())

        func digest(_ key: EntityKey, _ json: String) -> [UInt8] {
            guard Baseline.sharedEntities.contains(key.entity) else { return Baseline.digest(json: json) }
            return digester.withLock { $0.digest(key, json) }
        }
    }

    static func changed(_ key: EntityKey, field: String?, after entry: JournalEntry?) -> String {
        let what = "\(key.entity) \(key.id)" + (field.map { " " + tr("字段", "field") + " " + (MergeLabels.field($0) == $0 ? $0 : "\($0)（\(MergeLabels.field($0))）") } ?? "")
        if let entry {
            return tr("档案 \(key.dossierID) 的 \(what) 现在的值不是日志第 \(entry.seq) 条（\(entry.at)）记下的：它被绕过 Fuhe 改动过，没有日志条目",
                      "dossier \(key.dossierID) \(what) does not hold the value journal entry #\(entry.seq) (\(entry.at)) recorded: it was changed outside Fuhe, without a journal entry")
        }
        return tr("档案 \(key.dossierID) 的 \(what) 与导入时不同，且没有日志条目说明这一变化：它被绕过 Fuhe 改动过",
                  "dossier \(key.dossierID) \(what) differs from its imported value and no journal entry explains it: it was changed outside Fuhe")
    }
}
