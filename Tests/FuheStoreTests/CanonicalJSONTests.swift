import Foundation
import Testing
@testable import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// `JSONFields.join` writes plain fields directly (`CanonicalJSON`) and leaves the rest to
/// `JSONSerialization`: the merged text feeds the merge's decisions, validation and journal, so it
/// must be byte for byte what `JSONSerialization` alone writes — for every stored entity of the
/// sample store, for fields mixed from two entities, and for generated values of every kind.
@Suite struct CanonicalJSONTests {
    private func expectSameJoin(_ fields: [String: String], _ note: @autoclosure () -> String = "") {
        let fast = JSONFields.join(fields), slow = JSONFields.joinWithFoundation(fields)
        #expect(fast == slow, "\(note()) \(fields)")
    }

    @Test func everyEntityOfTheSampleStoreJoinsAsFoundationJoinsIt() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let texts = try s.store.queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT json FROM result UNION ALL SELECT json FROM evidence UNION ALL SELECT json FROM finding
                UNION ALL SELECT json FROM rect_item UNION ALL SELECT evaluation_json FROM dossier
                UNION ALL SELECT review_json FROM dossier WHERE review_json IS NOT NULL
                UNION ALL SELECT json FROM unit UNION ALL SELECT json FROM cycle
                """)
        }
        #expect(texts.count > 300)
        var plain = 0
        for (n, text) in texts.enumerated() {
            let fields = JSONFields.split(text)
            expectSameJoin(fields)
            // Fields of two entities put together, as a field-level merge does.
            var mixed = JSONFields.split(texts[(n * 7 + 3) % texts.count])
            for (k, v) in fields where k.count % 2 == 0 { mixed[k] = v }
            expectSameJoin(mixed)
            if fields.values.allSatisfy({ CanonicalJSON.value($0) != nil }) { plain += 1 }
        }
        // Most stored entities take the direct path (otherwise this test would test Foundation alone).
        #expect(plain * 2 > texts.count)
    }

    private static let keys = ["a", "B", "ab", "Ab", "reviewScore", "reviewedAt", "nodeID", "nodeId", "A1", "a10", "a9", "_x",
                               "Zed", "名称", "x y", "", "k\\\"q", "évidence", "number", "text", "AB"]
    private static let strings = ["\"\"", "\"中文\"", "\"繁體\"", "\"a/b\"", "\"a\\/b\"", "\"\\n\\r\\t\\b\\f\"", "\"\\\"\\\\\"",
                                  "\"\\u0001\"", "\"\\u001f\"", "\"\\u00e9\"", "\"\\u2028\"", "\"\\ud83d\\ude00\"", "\"😀\"",
                                  "\"e\u{301}\"", "\"\u{7f}\"", "\"105%\"", "\"≤100%\""]
    private static let numbers = ["0", "1", "-1", "105", "-0", "00", "01", "1.0", "86.5", "0.1", "1e3", "1E3", "2.5e-7", "-12.25",
                                  "123456789012345", "1234567890123456", "12345678901234567890", "100.00"]
    private static let words = ["true", "false", "null", "nul", "tru"]

    private static func value(_ rng: inout SplitMix64, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 3 ? 3 : 6), using: &rng) {
        case 0: return strings.randomElement(using: &rng)!
        case 1: return numbers.randomElement(using: &rng)!
        case 2: return words.randomElement(using: &rng)!
        case 3:
            let n = Int.random(in: 0..<4, using: &rng)
            return "[" + (0..<n).map { _ in value(&rng, depth: depth + 1) }.joined(separator: ",") + "]"
        case 4:
            let n = Int.random(in: 0..<5, using: &rng)
            let members = (0..<n).map { _ in "\"\(keys.randomElement(using: &rng)!)\":" + value(&rng, depth: depth + 1) }
            return "{" + members.joined(separator: ",") + "}"
        default:
            // Whitespace between tokens: valid JSON the store does not write.
            return [" 1", "[1, 2]", "{\"a\" :1}", "\t\"x\"", "{}", "[]"].randomElement(using: &rng)!
        }
    }

    @Test func generatedFieldsJoinAsFoundationJoinsThem() {
        var rng = SplitMix64(seed: 20261206)
        var direct = 0
        for _ in 0..<4_000 {
            var fields: [String: String] = [:]
            for _ in 0..<Int.random(in: 0..<7, using: &rng) {
                // Mostly plain keys, sometimes ones only Foundation orders.
                let key = Bool.random(using: &rng) ? ["actual", "deductionReason", "reviewNote", "status", "target", "Status"]
                    .randomElement(using: &rng)! : Self.keys.randomElement(using: &rng)!
                fields[key] = Self.value(&rng, depth: 0)
            }
            expectSameJoin(fields)
            if CanonicalJSON.sortedKeys(fields.keys) != nil, fields.values.allSatisfy({ CanonicalJSON.value($0) != nil }) { direct += 1 }
        }
        #expect(direct > 300)
    }

    @Test func singleValuesAreFoundationsOrRefused() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<4_000 {
            let text = Self.value(&rng, depth: 0)
            guard let fast = CanonicalJSON.value(text) else { continue }
            let slow = JSONFields.parse(text).map(JSONFields.canonical)
            #expect(fast == slow, "\(text)")
        }
        // Written as Foundation writes them, or left to it.
        #expect(CanonicalJSON.value("{\"reviewedAt\":1,\"reviewScore\":2}") == "{\"reviewedAt\":1,\"reviewScore\":2}")
        #expect(CanonicalJSON.value("{\"reviewScore\":2,\"reviewedAt\":1}") == "{\"reviewedAt\":1,\"reviewScore\":2}")
        #expect(CanonicalJSON.value("\"a\\/b\"") == nil)
        #expect(CanonicalJSON.value("1.5") == nil)
        #expect(CanonicalJSON.value("{\"a\":1,\"A\":2}") == nil)
        #expect(CanonicalJSON.value("[1,]") == nil)
        // Foundation's own leniency (a trailing comma) is kept: such a value is left to it.
        #expect(JSONFields.join(["a": "[1,]"]) == JSONFields.joinWithFoundation(["a": "[1,]"]))
        #expect(JSONFields.join(["a": "[1"]) == nil)
        #expect(JSONFields.join([:]) == "{}")
    }
}
