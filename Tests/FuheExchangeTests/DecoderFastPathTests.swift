import Foundation
import Testing
import FuheCore
@testable import FuheExchange
import FuheTestSupport

/// The decoder's fast paths (issue 14 §5) accept and refuse exactly what the general paths do:
/// small objects scanned instead of hashed, strings without escapes taken whole, blank and
/// padded values recognised without Foundation when their first byte decides.
@Suite struct DecoderFastPathTests {
    /// A repeated key is found wherever it is: among the first members (scanned), across the
    /// point where the parser starts hashing, and beyond it.
    @Test(arguments: [(5, 2), (24, 3), (25, 24), (25, 1), (40, 30), (40, 7)])
    func repeatedKeysAreFoundInObjectsOfEverySize(members: Int, repeatOf: Int) throws {
        let keys = (1...members).map { "\"key\($0)\": \($0)" }
        let good = "{" + keys.joined(separator: ", ") + "}"
        guard case .object(let parsed) = try JSONParser.parse(Array(good.utf8)).value else { Issue.record("not an object"); return }
        #expect(parsed.map(\.key) == (1...members).map { "key\($0)" })
        let bad = "{" + (keys + ["\"key\(repeatOf)\": 0"]).joined(separator: ", ") + "}"
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(bad.utf8)) }
        #expect(error?.message.contains("key\(repeatOf)") == true)
    }

    /// Strings with and without escapes, and a control character after plain text, at its column.
    @Test func stringsAreReadWholeOrThroughTheirEscapes() throws {
        let json = #"["plain 中文", "tail\n", "a\u00e9b\"c\\", "", "x/\/y"]"#
        guard case .array(let items) = try JSONParser.parse(Array(json.utf8)).value else { Issue.record("not an array"); return }
        let texts = items.compactMap { if case .string(let s) = $0.value { s } else { nil } }
        #expect(texts == ["plain 中文", "tail\n", "aéb\"c\\", "", "x//y"])
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("{\"a\": \"中b\tc\"}".utf8)) }
        #expect(error?.line == 1 && error?.column == 10)
    }

    /// A reader over an object larger than the scan limit finds every member and names an
    /// unknown one; a small one does the same by scanning.
    @Test(arguments: [10, FieldReader.scanLimit + 1, 60])
    func readersFindEveryMemberAndNameUnknownOnes(members: Int) throws {
        let json = "{" + (1...members).map { "\"k\($0)\": \"v\($0)\"" }.joined(separator: ", ") + "}"
        let node = try JSONParser.parse(Array(json.utf8))
        var reader = try FieldReader(node, file: "f.json", path: "obj")
        for n in 1...members where n != members / 2 { #expect(try reader.string("k\(n)") == "v\(n)") }
        #expect(reader.has("k\(members / 2)") && !reader.has("missing"))
        #expect(try reader.string("missing") == nil)
        let error = #expect(throws: ImportError.self) { try reader.finish() }
        #expect(error?.path == "obj.k\(members / 2)")
        _ = try reader.string("k\(members / 2)")
        try reader.finish()
    }

    /// Blank required text is refused whatever its first character (U+3000 is whitespace), and
    /// padded numbers are trimmed as before.
    @Test func blankAndPaddedValuesAreJudgedAsFoundationJudgesThem() throws {
        for blank in ["\u{3000}", " \u{3000} ", "\\n", "\u{2003}"] {
            let error = #expect(throws: ImportError.self) { _ = try Fixture.decode(Fixture.edited("\"description\": \"超编1人\"", "\"description\": \"\(blank)\"")) }
            #expect(error?.path == "findings[0].description", "\(blank)")
        }
        let unit = #expect(throws: ImportError.self) { _ = try Fixture.decode(Fixture.edited("\"resp_unit\": \"赫山区政务服务中心\"", "\"resp_unit\": \"\u{3000}\"")) }
        #expect(unit?.rule == "K-001")
        for (given, expected) in [("\" 5 \"", "5"), ("\"5\u{3000}\"", "5"), ("\"\\t4.5\"", "4.5"), ("5", "5")] {
            let file = try Fixture.decode(Fixture.edited("\"self_score\": \"5\"", "\"self_score\": \(given)"))
            #expect(file.dossiers[0].results["TX-1.1"]?.selfScore == Score(expected), "\(given)")
        }
        #expect(FieldReader.plainEnds("12.5") && !FieldReader.plainEnds(" 12.5") && !FieldReader.plainEnds("12.5\u{3000}") && !FieldReader.plainEnds(""))
        #expect(!FieldReader.isBlank("中") && !FieldReader.isBlank("a") && FieldReader.isBlank("") && FieldReader.isBlank("\u{3000}\n"))
    }

    /// Rows are matched to indicators by code; an unknown code is refused at its row.
    @Test func rowsFindTheirIndicatorByCode() throws {
        let file = try Fixture.decode(Fixture.dossierJSON)
        #expect(Set(file.dossiers[0].results.keys) == ["TX-1.1", "TX-2.1"])
        let error = #expect(throws: ImportError.self) { _ = try Fixture.decode(Fixture.edited("{\"code\": \"2.1\"", "{\"code\": \"9.9\"")) }
        #expect(error?.path == "results[1].code")
    }
}
