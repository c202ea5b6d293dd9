import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// The stored JSON text feeds digests, baselines and the hash-chained journal, so the dedicated
/// writer must write byte for byte what Foundation's `JSONEncoder` writes, and the dedicated
/// reader must read back the same values `JSONDecoder` reads — over every stored row of the
/// sample store and of a store of generated dossiers with hostile text, dates and numbers.
@Suite struct StoredJSONTests {
    /// Every JSON column of a store, each with the type it holds.
    private func compareEveryRow(of store: FuheStore) throws -> Int {
        var compared = 0
        try store.queue.read { db in
            func column<T: Codable & Hashable>(_ sql: String, _ type: T.Type) throws {
                for text in try String?.fetchAll(db, sql: sql).compactMap({ $0 }) {
                    try compare(text, as: type)
                    compared += 1
                }
            }
            try column("SELECT json FROM grade_scheme", GradeScheme.self)
            try column("SELECT json FROM template", IndicatorTemplate.self)
            try column("SELECT json FROM unit", EvaluatedUnit.self)
            try column("SELECT json FROM cycle", EvaluationCycle.self)
            try column("SELECT evaluation_json FROM dossier", SelfEvaluation.self)
            try column("SELECT self_team_json FROM dossier", [TeamMember].self)
            try column("SELECT review_json FROM dossier", Review.self)
            try column("SELECT json FROM result", IndicatorResult.self)
            try column("SELECT json FROM evidence", Evidence.self)
            try column("SELECT json FROM finding", Finding.self)
            try column("SELECT json FROM rect_item", RectificationItem.self)
            try column("SELECT json FROM report_source", ReportSource.self)
            try column("SELECT json FROM intake_draft", IntakeDraft.self)
        }
        return compared
    }

    /// Foundation's reading of `text`, re-encoded by Foundation, is `text` (so the text the
    /// dedicated writer stored is `JSONEncoder`'s); the dedicated reader reads the same value, and
    /// the dedicated writer writes it back to the same bytes.
    private func compare<T: Codable & Hashable>(_ text: String, as type: T.Type) throws {
        let foundation = try StoredJSON.decodeWithFoundation(T.self, text)
        #expect(StoredJSON.encodeWithFoundation(foundation) == text, "\(T.self): \(text.prefix(200))")
        let direct = try StoredJSON.decodeDirect(T.self, text)
        #expect(direct == foundation, "\(T.self): \(text.prefix(200))")
        #expect(try StoredJSON.encodeDirect(direct) == text, "\(T.self): \(text.prefix(200))")
        #expect(try StoredJSON.encodeDirect(foundation) == text, "\(T.self): \(text.prefix(200))")
    }

    @Test func everyRowOfTheSampleStoreIsWrittenAsJSONEncoderWritesIt() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let rows = try compareEveryRow(of: s.store)
        #expect(rows > 300)
    }

    /// Text with every character class the writer escapes or must not escape.
    private static let pieces = ["中文", "繁體", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}",
                                 "\u{7F}", "é", "e\u{301}", "😀", "👨‍👩‍👧", "\u{2028}", "\u{FEFF}", " ", "a", "0", "{", "}", "[", "]", ",", ":"]

    private static func text(_ rng: inout SplitMix) -> String {
        (0..<rng.next(12)).map { _ in pieces[rng.next(pieces.count)] }.joined()
    }

    private static let numbers = ["0", "1", "-1", "12.5", "-0.25", "0.001", "100", "123456789.123456789",
                                  "99999999999999999999999999999", "0.00000000000000000001", "3.14159265358979323846"]

    /// Dossiers whose rows carry generated text, fractional and far dates and odd decimals.
    private static func generated(count: Int) throws -> [Dossier] {
        let base = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        var rng = SplitMix(seed: 14)
        return (0..<count).map { k in
            var d = base
            d.evaluation.id = "SE-G\(k)"
            for key in d.results.keys.sorted() {
                var r = d.results[key]!
                r.selfNote = text(&rng)
                r.reviewNote = text(&rng)
                r.deductionReason = text(&rng)
                r.evidenceIDs = r.evidenceIDs
                let seconds = Double(rng.next(4_000_000_000) - 500_000_000) + Double(rng.next(1000)) / 1000
                r.reviewedAt = Date(timeIntervalSince1970: seconds)
                r.queriedAt = rng.next(2) == 0 ? nil : Date(timeIntervalSince1970: seconds / 3)
                r.question = rng.next(2) == 0 ? nil : text(&rng)
                if var actual = r.actual {
                    actual.text = text(&rng)
                    actual.number = Decimal(string: numbers[rng.next(numbers.count)])
                    r.actual = actual
                }
                d.results[key] = r
            }
            for i in d.evidence.indices { d.evidence[i].title = "证" + text(&rng); d.evidence[i].locator = text(&rng) }
            for i in d.findings.indices { d.findings[i].description = "问题" + text(&rng) }
            for i in d.items.indices { d.items[i].measure = "措施" + text(&rng); d.items[i].closureNote = text(&rng) }
            return d
        }
    }

    @Test func everyRowOfAGeneratedStoreIsWrittenAsJSONEncoderWritesIt() throws {
        let t = try TempStore(loadFixture: false)
        defer { t.remove() }
        try t.store.importDossiers(try Self.generated(count: 40), actor: "测试")
        let rows = try compareEveryRow(of: t.store)
        #expect(rows > 200)
    }

    @Test func generatedValuesOutsideAStoreAlsoMatch() throws {
        var rng = SplitMix(seed: 9)
        for d in try Self.generated(count: 20) {
            for r in d.results.values {
                let text = StoredJSON.encodeWithFoundation(r)
                #expect(try StoredJSON.encodeDirect(r) == text)
                #expect(try StoredJSON.decodeDirect(IndicatorResult.self, text) == r.roundedToSeconds)
            }
        }
        // Dates of the years 1…9999 (Julian before 1582 in Foundation), whole and fractional seconds, before and after 1970.
        for _ in 0..<2_000 {
            let t = Double(rng.next(315_537_897_600) - 62_135_596_800) + Double(rng.next(1000)) / 1000
            let dates: [Date] = [Date(timeIntervalSince1970: t)]
            #expect(StoredJSON.encode(dates) == StoredJSON.encodeWithFoundation(dates), "\(t)")
            let text = StoredJSON.encodeWithFoundation(dates)
            #expect(try StoredJSON.decode([Date].self, text) == StoredJSON.decodeWithFoundation([Date].self, text), "\(text)")
        }
        // Dictionaries (sorted by UTF-8 bytes), nested arrays, optionals, top-level fragments.
        let dict: [String: [Int?]] = ["b": [1, nil, -3], "B": [], "a": [Int.max], "中": [0], "a1": [Int.min], "_": []]
        #expect(try StoredJSON.encodeDirect(dict) == StoredJSON.encodeWithFoundation(dict))
        #expect(try StoredJSON.encodeDirect("a/b\"c") == StoredJSON.encodeWithFoundation("a/b\"c"))
        #expect(try StoredJSON.decodeDirect([String: [Int?]].self, StoredJSON.encodeWithFoundation(dict)) == dict)
    }

    /// What the dedicated reader does not accept goes to `JSONDecoder`: the same value for odd but
    /// valid input, and for bad input the same error (its message names the field).
    @Test func oddAndBadTextGetJSONDecodersAnswer() throws {
        let row = StoredJSON.encodeWithFoundation(IndicatorResult(nodeID: "N1", evidenceIDs: ["E1"], status: .reviewed))
        let odd = [
            #"{ "nodeID" : "N\u0031", "evidenceIDs" : [ ], "status" : "UNREVIEWED" }"#,
            #"{"nodeID":"N1","evidenceIDs":[],"status":"UNREVIEWED","reviewedAt":"2026-01-02T03:04:05.250Z"}"#,
            #"{"nodeID":"N1","evidenceIDs":[],"status":"UNREVIEWED","target":{"text":"x","number":1e2}}"#,
        ]
        for text in odd {
            let expected = try? StoredJSON.decodeWithFoundation(IndicatorResult.self, text)
            #expect((try? StoredJSON.decode(IndicatorResult.self, text)) == expected, "\(text)")
        }
        let bad = [
            String(row.dropLast()), row + "x", row.replacingOccurrences(of: "\"N1\"", with: "1"),
            #"{"nodeID":"N1","evidenceIDs":[],"status":"NOPE"}"#,
            #"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","reviewScore":"1.234"}"#,
            #"{"nodeID":"N1","nodeID":"N2","evidenceIDs":[],"status":"REVIEWED"}"#,
            String(repeating: "[", count: 100_000), "",
        ]
        for text in bad {
            var foundationError = ""
            do { _ = try StoredJSON.decodeWithFoundation(IndicatorResult.self, text) } catch { foundationError = "\(error)" }
            var error = ""
            do { _ = try StoredJSON.decode(IndicatorResult.self, text) } catch let e { error = "\(e)" }
            #expect(error == foundationError, "\(text.prefix(80))")
            #expect(throws: (any Error).self) { try StoredJSON.decodeDirect(IndicatorResult.self, text) }
        }
    }
}

private extension IndicatorResult {
    /// Stored dates keep whole seconds (the `.iso8601` strategy writes no fraction).
    var roundedToSeconds: IndicatorResult {
        var r = self
        r.reviewedAt = r.reviewedAt.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        r.queriedAt = r.queriedAt.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        return r
    }
}
