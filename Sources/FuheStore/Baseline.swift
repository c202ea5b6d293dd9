import Foundation
import FuheCore
import GRDB

/// What a dossier's data was when it entered the store (import, checkout, or the upgrade that
/// introduced this record): one digest per entity in `entity_base`, and their combined digest
/// in the journal entry that brought the dossier in (chain-protected). With the journal entries
/// written since, `fuhe verify` can tell whether every value the store holds is explained by
/// the journal (see `JournalAudit`).
enum Baseline {
    /// Entities whose every change is journalled: the mergeable ones and the shared unit, cycle
    /// and template the dossier uses.
    static let entities: Set<String> = ["result", "evidence", "finding", "item", "review", "evaluation", "unit", "cycle", "template"]

    /// The entities a dossier shares with others (digested once per distinct text).
    static let sharedEntities: Set<String> = ["unit", "cycle", "template"]

    /// Every verified entity of one dossier as stored JSON text.
    static func texts(of dossierID: String, _ db: Database) throws -> [EntityKey: String] {
        try EntitySnapshots.read([dossierID], db).merging(sharedTexts(of: dossierID, db)) { a, _ in a }
    }

    /// The stored texts of the unit, cycle and template a dossier uses.
    static func sharedTexts(of dossierID: String, _ db: Database) throws -> [EntityKey: String] {
        var out: [EntityKey: String] = [:]
        if let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.unit_id, u.json, d.cycle_id, c.json, d.template_id, t.json FROM dossier d
            LEFT JOIN unit u ON u.id = d.unit_id LEFT JOIN cycle c ON c.id = d.cycle_id LEFT JOIN template t ON t.id = d.template_id
            WHERE d.id = ?
            """), arguments: [dossierID]) {
            for (i, entity) in ["unit", "cycle", "template"].enumerated() {
                if let json: String = row[2 * i + 1] { out[EntityKey(dossierID: dossierID, entity: entity, id: row[2 * i])] = json }
            }
        }
        return out
    }

    /// Digests of stored texts; a unit, cycle or template shared by many dossiers is digested once
    /// (the cache is keyed by its id and checked byte for byte, so a replaced one is digested again).
    struct Digester {
        private var shared: [String: (json: String, digest: [UInt8])] = [:]

        mutating func digest(_ key: EntityKey, _ json: String) -> [UInt8] {
            guard Baseline.sharedEntities.contains(key.entity) else { return Baseline.digest(json: json) }
            let id = key.entity + "/" + key.id
            if let known = shared[id], Self.sameBytes(known.json, json) { return known.digest }
            let d = Baseline.digest(json: json)
            shared[id] = (json, d)
            return d
        }

        private static func sameBytes(_ a: String, _ b: String) -> Bool { a.hasSameBytes(as: b) }
    }

    /// SHA-256 over an entity's fields, each framed by its length (no value can pass for another);
    /// 32 bytes, stored as a blob.
    /// `digest(JSONFields.split(json))`, read straight from text the store wrote (members in key
    /// order, see `TopLevelScanner.ordered`) without building the dictionary.
    static func digest(json: String) -> [UInt8] {
        var text = json
        let direct = text.withUTF8 { bytes -> [UInt8]? in
            guard let members = TopLevelScanner.ordered(bytes) else { return nil }
            var hasher = StoreSHA256()
            func frame(_ range: Range<Int>) {
                hasher.update(bigEndian: UInt64(range.count))
                hasher.update(buffer: UnsafeBufferPointer(rebasing: bytes[range]))
            }
            for m in members {
                frame(m.key)
                frame(m.value)
            }
            return hasher.finalize()
        }
        return direct ?? digest(JSONFields.split(json))
    }

    static func digest(_ fields: [String: String]) -> [UInt8] {
        var hasher = StoreSHA256()
        for key in fields.keys.sorted() {
            frame(key, into: &hasher)
            frame(fields[key] ?? "", into: &hasher)
        }
        return hasher.finalize()
    }

    /// The combined digest of a dossier's entity digests (hex).
    static func combined(_ digests: [EntityKey: [UInt8]]) -> String {
        var hasher = StoreSHA256()
        for key in digests.keys.sorted() {
            for part in [key.dossierID, key.entity, key.id] { frame(part, into: &hasher) }
            hasher.update(digests[key] ?? [])
        }
        return hasher.finalizeHex()
    }

    private static func frame(_ text: String, into hasher: inout StoreSHA256) {
        hasher.update(bigEndian: UInt64(text.utf8.count))
        hasher.update(text)
    }

    /// Records the dossier's current data as its baseline (replacing an earlier one) and
    /// returns the combined digest, for the journal entry that brings the dossier in.
    /// `own`: the digests of the dossier's own rows when already computed from the texts just
    /// written (an import digests them on every core before its transaction); the shared unit,
    /// cycle and template are read and digested here.
    static func record(_ dossierID: String, _ db: Database, digester: inout Digester, own: [EntityKey: [UInt8]]? = nil) throws -> String {
        var digests: [EntityKey: [UInt8]] = own ?? [:]
        for (key, json) in try own == nil ? texts(of: dossierID, db) : sharedTexts(of: dossierID, db) where digests[key] == nil {
            digests[key] = digester.digest(key, json)
        }
        try db.execute(sql: "DELETE FROM entity_base WHERE dossier_id = ?", arguments: [dossierID])
        let insert = try db.cachedStatement(sql: "INSERT INTO entity_base(dossier_id, entity, entity_id, digest) VALUES (?, ?, ?, ?)")
        for (key, d) in digests { try insert.execute(arguments: [key.dossierID, key.entity, key.id, Data(d)]) }
        return combined(digests)
    }

    /// The recorded baseline of a dossier: digest per entity.
    static func stored(_ dossierID: String, _ db: Database) throws -> [EntityKey: [UInt8]] {
        var out: [EntityKey: [UInt8]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT entity, entity_id, digest FROM entity_base WHERE dossier_id = ?", arguments: [dossierID]) {
            out[EntityKey(dossierID: dossierID, entity: row[0], id: row[1])] = Array(row[2] as Data? ?? Data())
        }
        return out
    }

    /// The `new` text of a journal entry that records a baseline ("imported sha256:…").
    static func mark(_ digest: String, imported: Bool) -> String { (imported ? "imported " : "") + "sha256:" + digest }

    /// The digest in such a text (nil for an entry written before baselines existed).
    static func digest(inMark text: String?) -> String? {
        guard let text, let range = text.range(of: "sha256:") else { return nil }
        return String(text[range.upperBound...])
    }

    /// Records a baseline for every dossier, each with a journal entry (migration).
    static func recordAll(actor: String, reason: String, _ db: Database) throws {
        let ids = try String.fetchAll(db, sql: "SELECT id FROM dossier ORDER BY id")
        guard !ids.isEmpty else { return }
        let batch = try Journal.nextBatch(db)
        let now = Date()
        var digester = Digester()
        for id in ids {
            let digest = try record(id, db, digester: &digester)
            try Journal.append(db, JournalRecord(actor: actor, origin: "upgrade", dossierID: id, entity: "baseline", entityID: id, field: "*",
                                                 old: nil, new: mark(digest, imported: false), reason: reason), batch: batch, at: now)
        }
    }
}
