import Foundation
import FuheCore
import GRDB

/// The report text kept with a dossier made from it (`report_source`): written once, with the
/// dossier, and never edited; checked against its SHA-256 whenever it enters a store.
enum ReportSources {
    static func sha256(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }

    static func save(_ source: ReportSource, dossierID: String, _ db: Database) throws {
        let digest = sha256(source.text)
        guard digest == source.textSHA256 else {
            throw StoreError.rule(code: "I-010", message: "卷宗 \(dossierID) 的原文与其校验值不符（原文被改动过），未导入")
        }
        try db.execute(sql: "INSERT OR REPLACE INTO report_source(dossier_id, sha256, json) VALUES (?, ?, ?)",
                       arguments: [dossierID, digest, JSONColumn.encode(source)])
    }

    static func load(dossierID: String, _ db: Database) throws -> ReportSource? {
        guard let json = try String.fetchOne(db, sql: "SELECT json FROM report_source WHERE dossier_id = ?", arguments: [dossierID]) else {
            return nil
        }
        return try JSONColumn.decode(ReportSource.self, json)
    }

    /// Report texts that no longer match their SHA-256 (edited outside Fuhe), for `fuhe check`.
    static func problems(_ db: Database) throws -> [String] {
        var out: [String] = []
        for row in try Row.fetchAll(db, sql: "SELECT dossier_id, sha256, json FROM report_source ORDER BY dossier_id") {
            let id: String = row[0], digest: String = row[1]
            guard let source = try? JSONColumn.decode(ReportSource.self, row[2]) else {
                out.append(tr("档案 \(id)：原文记录无法读取", "dossier \(id): report source (原文) is not readable"))
                continue
            }
            if sha256(source.text) != digest || source.textSHA256 != digest {
                out.append(tr("档案 \(id)：原文与其 SHA-256 不符，已在 Fuhe 之外被改动", "dossier \(id): report text (原文) does not match its SHA-256: edited outside Fuhe"))
            }
        }
        return out
    }

    /// dossier id → SHA-256 of the stored report source (text, places and suggestions), for the
    /// dossiers given that have one: equal in a copy and its main store unless someone edited it.
    static func digests(_ dossierIDs: [String], _ db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        for id in dossierIDs {
            if let json = try String.fetchOne(db, sql: "SELECT json FROM report_source WHERE dossier_id = ?", arguments: [id]) {
                out[id] = SHA256.hex(Array(json.utf8))
            }
        }
        return out
    }
}

extension FuheStore {
    /// The report text a dossier was made from, with the places that fed its scoresheet (the 原文
    /// view); nil for a dossier imported from JSON without one.
    public func reportSource(dossierID: String) throws -> ReportSource? {
        try queue.read { db in try ReportSources.load(dossierID: dossierID, db) }
    }

    /// The report texts of several dossiers (for exports and copies), by dossier id.
    public func reportSources(_ dossierIDs: [String]) throws -> [String: ReportSource] {
        try queue.read { db in
            var out: [String: ReportSource] = [:]
            for id in dossierIDs { if let s = try ReportSources.load(dossierID: id, db) { out[id] = s } }
            return out
        }
    }
}
