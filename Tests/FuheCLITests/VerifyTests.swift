import Foundation
import Testing
import FuheTestSupport

/// Issue 9 §5 (`fuhe verify`) through the real binary, as repro 12 tampers with a store.
@Suite struct VerifyTests {
    func sqlite(_ path: String, _ sql: String) throws {
        let result = try BuiltProducts.run("/usr/bin/sqlite3", [path, sql])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// A store with five sample dossiers and one edit; `body` tampers with a copy of it.
    func tampered(_ sql: String) throws -> BinaryRunner.Result {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        #expect(try r.run(["list", "--store", store]).status == 0)
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasPrefix("0") && $0 < "06" }.sorted()
        #expect(try r.run(["import", "--store", store] + files.map { samples.appendingPathComponent($0).path }).status == 0)
        let ok = try r.run(["verify", "--store", store])
        #expect(ok.status == 0 && ok.stdout.contains("日志完好") && ok.stdout.contains("链头"), "\(ok.stderr)")
        try sqlite(store, sql)
        return try r.run(["verify", "--store", store])
    }

    @Test func removedTailEntriesAreNamed() throws {
        let result = try tampered("delete from journal where seq = (select max(seq) from journal)")
        #expect(result.status == 1 && result.stderr.contains("日志末尾少了 1 条"), "\(result.stderr)")
    }

    @Test func aWipedJournalIsNamed() throws {
        let result = try tampered("delete from journal")
        #expect(result.status == 1 && result.stderr.contains("日志被清空了"), "\(result.stderr)")
    }

    @Test func aValueChangedWithoutAnEntryIsNamed() throws {
        let result = try tampered("update result set json = replace(json, '52人', '50人') where dossier_id = 'SE-HTK-2020' and node_id = 'T3-1.1.1'")
        #expect(result.status == 1 && result.stderr.contains("档案 SE-HTK-2020 的 result T3-1.1.1") && result.stderr.contains("没有日志条目"), "\(result.stderr)")
    }

    @Test func aUnitSeparatorMovedBetweenFieldsIsNamed() throws {
        // Encoding 1 joined fields with U+001F: moving one across actor|origin kept the hash.
        let result = try tampered("update journal set actor = actor || char(31) || 'x', origin = substr(origin, 1) where seq = 1; update journal set origin = 'x' || char(31) || origin where seq = 1; update journal set actor = substr(actor, 1, length(actor) - 2) where seq = 1")
        #expect(result.status == 1 && result.stderr.contains("日志第 1 条") && result.stderr.contains("写入后被改动过"), "\(result.stderr)")
    }
}
