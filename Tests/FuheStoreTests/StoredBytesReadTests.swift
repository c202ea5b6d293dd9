import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `fuhe check` hands each stored text on as the bytes SQLite holds (`DossierBatch.utf8`) and
/// reads them with `StoredJSON.decode(_:utf8:)`, without building a `String` first. It must read
/// exactly what reading the column as a `String` reads: invalid UTF-8 repaired the same way, the
/// text cut at a NUL as `String(cString:)` cuts it, and the same error for what cannot be read.
@Suite struct StoredBytesReadTests {
    /// Byte sequences that are not UTF-8 (a stray continuation, lone and cut-off leads, an overlong
    /// form, a surrogate, a code point above U+10FFFF), and cut-off leads next to an escape.
    private static let hostile: [[UInt8]] = [
        [0x80], [0xFF], [0xE4], [0xE4, 0xB8], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE4, 0xB8] + Array(#"\u00e9"#.utf8), Array(#"\u00e9"#.utf8) + [0xA9], [0xF0, 0x9F] + Array(#"\""#.utf8),
    ]

    /// The value (as its stored text, byte for byte) or the error of a read.
    private static func outcome<T: Codable>(_ read: () throws -> T) -> String {
        do { return "value " + StoredJSON.encode(try read()) } catch { return "error \(error)" }
    }

    private static func expectSameRead<T: Codable>(_ bytes: [UInt8], as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation) {
        let fromString = outcome { try StoredJSON.decode(T.self, String(decoding: bytes, as: UTF8.self)) }
        let fromBytes = outcome { try StoredJSON.decode(T.self, utf8: bytes) }
        #expect(fromBytes == fromString, "\(T.self): \(bytes)", sourceLocation: sourceLocation)
    }

    /// Every hostile sequence at every place of one stored text of each type the row readers
    /// read: inside strings, keys, numbers and between members.
    @Test func invalidUTF8AnywhereReadsAsTheRepairedString() throws {
        let s = try SampleStore()
        defer { s.remove() }
        var read = 0
        try s.store.queue.read { db in
            func everyPlace<T: Codable>(_ sql: String, _ type: T.Type) throws {
                let text = try #require(try String.fetchOne(db, sql: sql))
                let bytes = Array(text.utf8)
                for place in 0...bytes.count {
                    for bad in Self.hostile {
                        Self.expectSameRead(Array(bytes[..<place]) + bad + bytes[place...], as: T.self)
                        read += 1
                    }
                }
            }
            try everyPlace("SELECT json FROM result WHERE json LIKE '%reviewedAt%' LIMIT 1", IndicatorResult.self)
            try everyPlace("SELECT json FROM rect_item WHERE json LIKE '%progress\":[{%' LIMIT 1", RectificationItem.self)
            try everyPlace("SELECT json FROM finding LIMIT 1", Finding.self)
            try everyPlace("SELECT json FROM evidence LIMIT 1", Evidence.self)
            try everyPlace("SELECT json FROM unit LIMIT 1", EvaluatedUnit.self)
            try everyPlace("SELECT self_team_json FROM dossier WHERE self_team_json <> '[]' LIMIT 1", [TeamMember].self)
        }
        #expect(read > 10_000)
    }

    /// Stored rows with invalid UTF-8 inside their strings and with a NUL after the text (which a
    /// `String` read of the column does not see): the batch read of `fuhe check` assembles the
    /// same dossier as `dossier(id:)`, row for row, byte for byte.
    @Test func theBatchReadsWhatDossierIDReads() throws {
        let t = try TempStore()
        defer { t.remove() }
        let id = try #require(try t.store.dossierIDs().first)
        try t.store.queue.write { db in
            func spoil(_ table: String, _ key: String, _ change: ([UInt8]) -> [UInt8]) throws {
                let text = try #require(try String.fetchOne(db, sql: "SELECT json FROM \(table) WHERE dossier_id = ? ORDER BY \(key) LIMIT 1", arguments: [id]))
                let spoiled = Data(change(Array(text.utf8)))
                try db.execute(sql: "UPDATE \(table) SET json = CAST(? AS TEXT) WHERE dossier_id = ? AND json = ?", arguments: [spoiled, id, text])
                #expect(db.changesCount == 1, "\(table)")
            }
            // Invalid bytes after the first string value's opening quote.
            func intoFirstString(_ bytes: [UInt8]) -> [UInt8] {
                let quoteColonQuote: [UInt8] = Array(#"":""#.utf8)
                let at = (0..<(bytes.count - 3)).first { Array(bytes[$0..<($0 + 3)]) == quoteColonQuote }! + 3
                return Array(bytes[..<at]) + [0xE4, 0xB8, 0xFF] + bytes[at...]
            }
            try spoil("result", "node_id", intoFirstString)
            try spoil("rect_item", "id") { $0 + [0x00] + Array("并非 JSON".utf8) }
            try spoil("finding", "id") { $0 + [0x00, 0x7B] }   // (its first string is a category: kept valid)
            try spoil("evidence", "id", intoFirstString)
        }
        let expected = try t.store.dossier(id: id)
        var templates: [String: IndicatorTemplate] = [:]
        let texts = try t.store.queue.read { db in try DossierBatch.read([id], db, templates: &templates) }
        let batch = try #require(texts.first).dossier()
        #expect(batch == expected)
        #expect(batch.results.mapValues { StoredJSON.encode($0) } == expected.results.mapValues { StoredJSON.encode($0) })
        #expect(batch.items.map { StoredJSON.encode($0) } == expected.items.map { StoredJSON.encode($0) })
        #expect(batch.findings.map { StoredJSON.encode($0) } == expected.findings.map { StoredJSON.encode($0) })
        #expect(batch.evidence.map { StoredJSON.encode($0) } == expected.evidence.map { StoredJSON.encode($0) })
        #expect(batch.results.values.contains { StoredJSON.encode($0).contains("\u{FFFD}") }, "the spoiled row was read, repaired")
    }

    /// A row that cannot be read fails the batch with the error `dossier(id:)` gives.
    @Test func anUnreadableRowGivesDossierIDsError() throws {
        let t = try TempStore()
        defer { t.remove() }
        let id = try #require(try t.store.dossierIDs().first)
        try t.store.queue.write { db in
            try db.execute(sql: """
                UPDATE result SET json = CAST(? AS TEXT)
                WHERE dossier_id = ? AND node_id = (SELECT min(node_id) FROM result WHERE dossier_id = ?)
                """, arguments: [Data(Array(#"{"nodeID":"N"#.utf8) + [0x00] + Array(#"1","status":"REVIEWED","evidenceIDs":[]}"#.utf8)), id, id])
            #expect(db.changesCount == 1)
        }
        var expected = ""
        do { _ = try t.store.dossier(id: id) } catch { expected = "\(error)" }
        #expect(!expected.isEmpty)
        var templates: [String: IndicatorTemplate] = [:]
        var batch = ""
        do {
            let texts = try t.store.queue.read { db in try DossierBatch.read([id], db, templates: &templates) }
            _ = try texts.first?.dossier()
        } catch { batch = "\(error)" }
        #expect(batch == expected)
    }

    /// `fuhe check` and `fuhe verify` map the file while they read it, and leave the connection's
    /// mapping as they found it.
    @Test func wholeStorePassesLeaveTheMappingAsTheyFoundIt() throws {
        let t = try TempStore()
        defer { t.remove() }
        #expect(try t.store.mappingLimit() == 0)
        #expect(try t.store.check().integrityProblems.isEmpty)
        #expect(try t.store.mappingLimit() == 0)
        try t.store.queue.inDatabase { try $0.execute(sql: "PRAGMA mmap_size = 65536") }
        #expect(try t.store.verifyJournal().isIntact)
        #expect(try t.store.mappingLimit() == 65536)
        #expect(try t.store.readWholeStore { db in try Int64.fetchOne(db, sql: "PRAGMA mmap_size") } ?? 0 > 65536)
    }
}
