import Foundation
import Testing
@testable import FuheCore

/// The journal's field diff reads two stored texts side by side (`FieldDiff.inOrder`); it must give
/// exactly the changes the dictionary diff gives, on stored rows and on odd text.
@Suite struct FieldDiffTests {
    private static let keys = ["actual", "deductionReason", "evidenceIDs", "nodeID", "reviewNote", "reviewScore", "reviewedAt",
                               "status", "target", "a", "名称", "Z"]
    private static let values = ["null", "1", "\"中文\"", "\"e\u{301}\"", "\"\u{e9}\"", "{\"number\":105,\"text\":\"105%\"}",
                                 "[\"E-1\",\"E-2\"]", "\"a,b}\"", "\"\\\"\"", "true", "{\"a\":[1,{\"b\":\"}\"}]}"]

    private static func object(_ rng: inout SplitMix64) -> String {
        var members: [(String, String)] = []
        for key in keys where Int.random(in: 0..<3, using: &rng) > 0 { members.append((key, values.randomElement(using: &rng)!)) }
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: members.shuffle(using: &rng)                                           // out of order
        case 1: if let m = members.first { members.append((m.0, values.randomElement(using: &rng)!)) }   // a key again
        default: members.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }        // as the store writes
        }
        let body = members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",")
        return Int.random(in: 0..<20, using: &rng) == 0 ? "{ \(body) }" : "{\(body)}"
    }

    @Test func changesReadInOrderAreTheDictionaryDiff() {
        var rng = SplitMix64(seed: 20261206)
        var direct = 0
        for _ in 0..<6_000 {
            let a = Self.object(&rng)
            // Mostly a few fields changed, as an edit does; sometimes another object altogether.
            var b = a
            if Bool.random(using: &rng) {
                b = Self.object(&rng)
            } else {
                var fields = JSONFields.split(a).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                if !fields.isEmpty { fields[Int.random(in: 0..<fields.count, using: &rng)].value = Self.values.randomElement(using: &rng)! }
                b = "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
            }
            guard a != b else { continue }
            #expect(FieldDiff.changes(old: a, new: b) == FieldDiff.bySplitting(old: a, new: b), "\(a) → \(b)")
            var x = a, y = b
            if x.withUTF8({ p in y.withUTF8 { q in FieldDiff.inOrder(p, q) } }) != nil { direct += 1 }
        }
        #expect(direct > 500)
    }

    @Test func canonicallyEqualValuesAreNoChange() {
        // é precomposed and decomposed: different bytes, equal text — no change, as before.
        let changes = FieldDiff.changes(old: "{\"a\":\"\u{e9}\",\"b\":1}", new: "{\"a\":\"e\u{301}\",\"b\":2}")
        #expect(changes == [FieldDiff.Change(field: "b", old: "1", new: "2")])
        #expect(FieldDiff.changes(old: nil, new: "{}") == [FieldDiff.Change(field: "*", old: nil, new: "{}")])
        #expect(FieldDiff.changes(old: "{\"a\":1}", new: "{\"a\":1}").isEmpty)
        #expect(FieldDiff.changes(old: "{\"a\":1,\"b\":null}", new: "{\"a\":1}").isEmpty)
    }
}
