import Foundation
import FuheCore
import PostgresNIO

/// The server journal as an auditor checks it (the load benchmark after a run, an administrator
/// after a crash): every entry in order with no gap, the head where the chain ends, the hash chain
/// intact (FuheCore's `JournalHash.verify`).
public struct ServerJournalAudit: Sendable {
    /// Entries read.
    public var entries: Int
    /// The first sequence number missing, if any (a gap means an entry was lost or removed).
    public var firstGap: Int64?
    /// Whether `journal_head` names the last entry and its hash.
    public var headMatches: Bool
    public var chain: JournalVerification

    public var isIntact: Bool { firstGap == nil && headMatches && chain.problem == nil && chain.entries == entries }
}

extension ServerStore {
    /// Reads the whole journal as the database owner, in pages, and checks it.
    public func auditJournal() async throws -> ServerJournalAudit {
        try await db.asOwner { conn in
            let (headSeq, headHash) = try await conn.rows("SELECT seq, hash FROM journal_head WHERE id = 1", logger).first!.decode((Int64, String).self)
            var chained: [ChainedEntry] = []
            var firstGap: Int64?
            var after: Int64 = 0
            while true {
                let page = try await conn.rows(PostgresQuery(unsafeSQL: """
                    SELECT \(Self.journalColumns), prev_hash, hash FROM journal WHERE seq > \(after) ORDER BY seq LIMIT 20000
                    """), logger)
                guard !page.isEmpty else { break }
                for row in page {
                    let entry = try Self.entry(row)
                    let cells = row.makeRandomAccess()
                    let previous = try cells[13].decode(String.self), hash = try cells[14].decode(String.self)
                    if firstGap == nil, entry.seq != after + 1 { firstGap = after + 1 }
                    after = entry.seq
                    chained.append(ChainedEntry(entry: entry, previousHash: previous, hash: hash))
                }
            }
            let last = chained.last
            let headMatches = (last?.entry.seq ?? 0) == headSeq && (last?.hash ?? headHash) == headHash
            return ServerJournalAudit(entries: chained.count, firstGap: firstGap, headMatches: headMatches, chain: JournalHash.verify(chained))
        }
    }

    /// The values the journal holds for one field of some rows: (dossier, entity id, new value)
    /// in journal order (the benchmark's check that every acknowledged edit was journalled).
    public func journalledValues(dossierIDs: [String], entity: String, field: String) async throws -> [(dossierID: String, entityID: String, new: String?)] {
        try await db.asOwner { conn in
            try await conn.rows("""
                SELECT dossier_id, entity_id, new FROM journal WHERE dossier_id = ANY(\(dossierIDs)) AND entity = \(entity) AND field = \(field) ORDER BY seq
                """, logger).map { row in
                let (d, e, n) = try row.decode((String, String, String?).self)
                return (d, e, n)
            }
        }
    }
}
