import Foundation
import FuheCore
import FuheStore

/// `--data-only`: the figures of issue 14 §5 — stored JSON read and written (MB/s, the dedicated
/// reader/writer beside Foundation's, and a byte-for-byte comparison of the two over every row of
/// the store), then import, rescore all, check, verify and merge.
struct DataPathBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    let ids: [String]
    var runs: Int { setup.options.runs }

    /// The stored text of every scoresheet row of the store (what `JSONEncoder` writes; the
    /// comparison below fails the benchmark if the dedicated writer differs on any row).
    func storedJSON() throws -> (measurements: [Measurement], notes: [String]) {
        Progress.say("loading all \(ids.count) dossiers for the stored-JSON figures")
        let rows = try ids.flatMap { try store.dossier(id: $0).results.values.sorted { $0.nodeID < $1.nodeID } }
        let texts = rows.map { StoredJSON.encodeWithFoundation($0) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        Progress.say("comparing the dedicated writer and reader with Foundation's on \(texts.count) rows")
        for (row, text) in zip(rows, texts) {
            guard StoredJSON.encode(row) == text else { throw BenchFailure("the writer differs from JSONEncoder on \(text)") }
            guard try StoredJSON.encodeDirect(row) == text else { throw BenchFailure("the writer fell back on \(text)") }
            guard try StoredJSON.decodeDirect(IndicatorResult.self, text) == StoredJSON.decodeWithFoundation(IndicatorResult.self, text) else {
                throw BenchFailure("the reader differs from JSONDecoder on \(text)")
            }
        }
        var sink = 0
        let mb = Double(bytes) / 1_000_000
        let decode = try measure("decode \(texts.count) stored rows (\(format(mb)) MB)", unit: .milliseconds, runs: runs,
                                 note: "StoredJSON.decode (dedicated reader), one core") { _ in
            for t in texts { sink &+= try StoredJSON.decode(IndicatorResult.self, t).evidenceIDs.count }
        }
        let decodeOld = try measure("  the same with JSONDecoder", unit: .milliseconds, runs: runs,
                                    note: "Foundation JSONDecoder (before issue 14 §5)") { _ in
            for t in texts { sink &+= try StoredJSON.decodeWithFoundation(IndicatorResult.self, t).evidenceIDs.count }
        }
        let encode = measure("encode \(rows.count) stored rows", unit: .milliseconds, runs: runs,
                             note: "StoredJSON.encode (dedicated writer), one core") { _ in
            for r in rows { sink &+= StoredJSON.encode(r).utf8.count }
        }
        let encodeOld = measure("  the same with JSONEncoder", unit: .milliseconds, runs: runs,
                                note: "Foundation JSONEncoder (before issue 14 §5)") { _ in
            for r in rows { sink &+= StoredJSON.encodeWithFoundation(r).utf8.count }
        }
        withExtendedLifetime(sink) {}
        let rate = { (m: Measurement) in format(mb / (m.median / 1000)) }
        let notes = ["stored JSON, \(texts.count) rows, \(format(mb)) MB, identical to JSONEncoder's text and JSONDecoder's values on every row: "
                     + "decode \(rate(decode)) MB/s (JSONDecoder \(rate(decodeOld)) MB/s), encode \(rate(encode)) MB/s (JSONEncoder \(rate(encodeOld)) MB/s)"]
        return ([decode, decodeOld, encode, encodeOld], notes)
    }
}
