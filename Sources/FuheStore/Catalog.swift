import Foundation
import FuheCore
import GRDB
import Synchronization

extension FuheStore {
    /// Stores (or replaces) grade schemes.
    public func saveGradeSchemes(_ schemes: [GradeScheme]) throws {
        try queue.write { db in
            for s in schemes {
                try db.execute(sql: "INSERT OR REPLACE INTO grade_scheme(id, json) VALUES (?, ?)", arguments: [s.id, JSONColumn.encode(s)])
            }
        }
    }

    /// All grade schemes by id.
    public func gradeSchemes() throws -> [String: GradeScheme] {
        try queue.read { db in try Self.gradeSchemes(db) }
    }

    static func gradeSchemes(_ db: Database) throws -> [String: GradeScheme] {
        var out: [String: GradeScheme] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT json FROM grade_scheme") {
            let s = try JSONColumn.decode(GradeScheme.self, row["json"])
            out[s.id] = s
        }
        return out
    }

    /// Stores templates (validated by the caller). `bundled` marks the shipped T1–T6.
    public func saveTemplates(_ templates: [IndicatorTemplate], bundled: Bool) throws {
        try queue.write { db in
            for t in templates { try Self.saveTemplate(t, bundled: bundled, db) }
        }
    }

    static func saveTemplate(_ t: IndicatorTemplate, bundled: Bool, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO template(id, name, eval_type, bundled, json) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, eval_type = excluded.eval_type, json = excluded.json
            """, arguments: [t.id, t.name, t.evalType.rawValue, bundled, JSONColumn.encode(t)])
    }

    /// A template by id.
    public func template(id: String) throws -> IndicatorTemplate? {
        try queue.read { db in try Self.template(id: id, db) }
    }

    static func template(id: String, _ db: Database) throws -> IndicatorTemplate? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM template WHERE id = ?", arguments: [id]) else { return nil }
        return try TemplateDecodeCache.decode(json, id: id)
    }

    /// Every template, bundled ones first.
    public func templates() throws -> [IndicatorTemplate] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT json FROM template ORDER BY bundled DESC, id").map { try JSONColumn.decode(IndicatorTemplate.self, $0) }
        }
    }

    /// Ids of the bundled templates (exports reference them instead of embedding).
    public func bundledTemplateIDs() throws -> Set<String> {
        try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM template WHERE bundled = 1")) }
    }
}

/// Decoded templates keyed by their stored JSON text: loading a dossier reads the template's text
/// (cheap) but decodes it only the first time. Content-addressed, so a changed template is simply
/// a new entry; bounded to a few dozen templates. Keyed by the text's bytes (`StoredText`): a
/// `String` key hashes tens of KB of Chinese through Unicode normalisation on every dossier read.
enum TemplateDecodeCache {
    private static let entries = Mutex<[StoredText: IndicatorTemplate]>([:])

    /// The last text read under each template id: the same text again is recognised by comparing
    /// bytes, without hashing tens of KB (a merge reads a dossier's template several times).
    private static let lastByID = Mutex<[String: (text: StoredText, template: IndicatorTemplate)]>([:])

    static func decode(_ json: String, id: String? = nil) throws -> IndicatorTemplate {
        let key = StoredText(json)
        if let id, let last = lastByID.withLock({ $0[id] }), last.text == key { return last.template }
        let t: IndicatorTemplate
        if let hit = entries.withLock({ $0[key] }) { t = hit } else {
            t = try JSONColumn.decode(IndicatorTemplate.self, json)
            entries.withLock { cache in
                if cache.count >= 64 { cache.removeAll() }
                cache[key] = t
            }
        }
        if let id {
            lastByID.withLock { cache in
                if cache.count >= 64 { cache.removeAll() }
                cache[id] = (key, t)
            }
        }
        return t
    }
}
