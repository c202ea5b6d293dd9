import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// The per-type reader of the hot stored rows (scoresheet rows, items, findings, evidence) must
/// read every stored row itself, into the value `JSONDecoder` reads, and must hand everything
/// else on, so that `StoredJSON.decode` still answers with `JSONDecoder`'s value or error.
@Suite struct StoredRowReaderTests {
    private func everyRow(of store: FuheStore) throws -> Int {
        var count = 0
        try store.queue.read { db in
            func column<T: Decodable & Hashable>(_ sql: String, _ type: T.Type) throws {
                for text in try String.fetchAll(db, sql: sql) { try readsLikeFoundation(text, as: type); count += 1 }
            }
            try column("SELECT json FROM result", IndicatorResult.self)
            try column("SELECT json FROM evidence", Evidence.self)
            try column("SELECT json FROM finding", Finding.self)
            try column("SELECT json FROM rect_item", RectificationItem.self)
        }
        return count
    }

    @Test func everyRowOfTheSampleStore() throws {
        let s = try SampleStore()
        defer { s.remove() }
        #expect(try everyRow(of: s.store) > 300)
    }

    private static let pieces = ["中文", "繁體", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "e\u{301}", "😀",
                                 "\u{2028}", "\u{FEFF}", " ", "{", "}", "[", "]", ",", ":", "null", "\\u0041"]

    private static func text(_ rng: inout SplitMix) -> String { (0..<rng.next(10)).map { _ in pieces[rng.next(pieces.count)] }.joined() }
    private static func maybe<T>(_ rng: inout SplitMix, _ value: (inout SplitMix) -> T) -> T? { rng.next(2) == 0 ? nil : value(&rng) }
    private static func day(_ rng: inout SplitMix) -> CalendarDay { CalendarDay(dayNumber: rng.next(60_000) - 10_000) }
    private static func optText(_ rng: inout SplitMix) -> String? { rng.next(2) == 0 ? nil : text(&rng) }
    private static func optDay(_ rng: inout SplitMix) -> CalendarDay? { rng.next(2) == 0 ? nil : day(&rng) }

    /// Items, findings and evidence with every member set or absent, hostile text in every string.
    @Test func generatedRowsWithEveryMember() throws {
        var rng = SplitMix(seed: 514)
        for k in 0..<400 {
            var item = RectificationItem(id: "I\(k)" + Self.text(&rng), findingID: Self.text(&rng), seq: rng.next(1_000) - 10,
                                         measure: Self.text(&rng), rectType: RectType.allCases[rng.next(RectType.allCases.count)],
                                         respUnit: Self.text(&rng), respPerson: Self.text(&rng), respLeader: Self.maybe(&rng) { r in "组长" },
                                         createdOn: Self.day(&rng), deadline: Self.day(&rng), nextCheckOn: Self.optDay(&rng),
                                         status: RectStatus.allCases[rng.next(RectStatus.allCases.count)],
                                         completionDesc: Self.optText(&rng), submittedOn: Self.optDay(&rng),
                                         evidenceIDs: (0..<rng.next(4)).map { "E\($0)" }, closedBy: Self.optText(&rng),
                                         closedOn: Self.optDay(&rng), closureNote: Self.optText(&rng),
                                         returnCount: rng.next(5), longTermSince: Self.optDay(&rng))
            item.progress = (0..<rng.next(4)).map { _ in
                ProgressEntry(date: Self.day(&rng), text: Self.text(&rng), by: Self.text(&rng), percent: Self.maybe(&rng) { r in r.next(101) })
            }
            item.deadlineHistory = (0..<rng.next(3)).map { _ in
                DeadlineChange(old: Self.day(&rng), new: Self.day(&rng), reason: Self.text(&rng), by: Self.text(&rng), on: Self.day(&rng))
            }
            item.escalations = Self.maybe(&rng) { r in (0..<r.next(3)).map { _ in
                Escalation(kind: EscalationKind.allCases[r.next(3)], date: Self.day(&r), by: Self.text(&r), reason: Self.text(&r),
                           target: Self.optText(&r))
            } }
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(item), as: RectificationItem.self)
            var finding = Finding(id: "F\(k)", seq: rng.next(100), nodeID: Self.optText(&rng),
                                  category: FindingCategory.allCases[rng.next(FindingCategory.allCases.count)], description: Self.text(&rng),
                                  amountInvolved: Self.maybe(&rng) { r in Money(yuan: Int64(r.next(2_000_000_000)) - 1_000_000_000) },
                                  basis: Self.optText(&rng), origin: FindingOrigin.allCases[rng.next(FindingOrigin.allCases.count)],
                                  severity: Severity.allCases[rng.next(Severity.allCases.count)],
                                  recommendation: Self.optText(&rng), ruleCode: Self.maybe(&rng) { r in "S-00\(r.next(9))" })
            finding.repeatOf = Self.optText(&rng)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(finding), as: Finding.self)
            let evidence = Evidence(id: "E\(k)", title: Self.text(&rng), kind: EvidenceKind.allCases[rng.next(EvidenceKind.allCases.count)],
                                    locator: Self.optText(&rng), providedBy: EvidenceSource.allCases[rng.next(EvidenceSource.allCases.count)],
                                    receivedOn: Self.optDay(&rng), verified: rng.next(2) == 0)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(evidence), as: Evidence.self)
            let value = ObservedValue(text: Self.text(&rng), number: Self.maybe(&rng) { r in Decimal(r.next(2_000_000)) / 1000 - 1000 },
                                      met: Self.maybe(&rng) { r in r.next(2) == 0 }, level: Self.maybe(&rng) { r in QualLevel.allCases[r.next(QualLevel.allCases.count)] },
                                      items: Self.maybe(&rng) { r in (0..<r.next(3)).map { _ in Self.text(&r) } })
            let result = IndicatorResult(nodeID: "N\(k)", target: Self.maybe(&rng) { r in value }, actual: Self.maybe(&rng) { r in value },
                                         selfScore: Self.maybe(&rng) { r in Score(hundredths: r.next(20_000) - 10_000) }, selfNote: Self.optText(&rng),
                                         verifiedActual: Self.maybe(&rng) { r in value }, reviewScore: Self.maybe(&rng) { r in Score(hundredths: r.next(10_000)) },
                                         deductionReason: Self.optText(&rng), reviewNote: Self.optText(&rng),
                                         evidenceIDs: (0..<rng.next(3)).map { _ in Self.text(&rng) },
                                         status: RowStatus.allCases[rng.next(RowStatus.allCases.count)], reviewedBy: Self.optText(&rng),
                                         reviewedAt: Self.maybe(&rng) { r in Date(timeIntervalSince1970: Double(r.next(4_000_000_000)) - 500_000_000) },
                                         question: Self.optText(&rng), queriedBy: Self.optText(&rng),
                                         queriedAt: Self.maybe(&rng) { r in Date(timeIntervalSince1970: Double(r.next(4_000_000_000))) })
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(result), as: IndicatorResult.self)
        }
    }

    /// Explicit `null`s, space, members in any order and unknown members: the row reader reads
    /// what it models, hands on what it does not, and `decode` still answers as `JSONDecoder`.
    @Test func oddTextIsReadOrHandedOn() throws {
        let odd: [(String, Bool)] = [
            (#"{"status":"REVIEWED","evidenceIDs":[],"nodeID":"N1","target":null,"reviewedAt":null}"#, true),
            (" {\n\t\"nodeID\" : \"N1\" , \"evidenceIDs\" : [ \"a\" , \"b\" ] , \"status\" : \"UNREVIEWED\" } \n", true),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","extra":{"x":[1,2]}}"#, false),
            (#"{"node\u0049D":"N1","evidenceIDs":[],"status":"REVIEWED"}"#, false),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","reviewedAt":"2026-01-02T03:04:05.5Z"}"#, false),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","actual":{"text":"1","number":1.50}}"#, true),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","actual":{"text":"1","number":1e2}}"#, false),
        ]
        for (text, direct) in odd { try expectReadOrHandedOn(text, direct: direct, as: IndicatorResult.self) }
        #expect(try StoredJSON.decodeRow(GradeScheme.self, "{}") == nil)
    }

    /// Bad rows get `JSONDecoder`'s own error (naming the field), never another one.
    @Test func badRowsGetJSONDecodersError() throws {
        let item = #"{"createdOn":"2024-01-01","deadline":"2024-02-30","deadlineHistory":[],"evidenceIDs":[],"findingID":"F1","id":"I1","measure":"m","progress":[],"rectType":"DEADLINE","respPerson":"p","respUnit":"u","returnCount":0,"seq":1,"status":"PENDING"}"#
        let bad: [(String, any Decodable.Type)] = [
            (item, RectificationItem.self),
            (item.replacingOccurrences(of: "\"seq\":1", with: "\"seq\":1.5"), RectificationItem.self),
            (item.replacingOccurrences(of: "\"measure\":\"m\",", with: ""), RectificationItem.self),
            (item.replacingOccurrences(of: "\"progress\":[]", with: "\"progress\":[{\"date\":\"2024-01-01\",\"text\":\"t\"}]"), RectificationItem.self),
            (#"{"id":"F1","seq":1,"category":"NOPE","description":"d","origin":"REVIEW","severity":"GENERAL"}"#, Finding.self),
            (#"{"id":"F1","seq":1,"category":"BUDGET_PREP","description":"d","origin":"REVIEW","severity":"GENERAL","amountInvolved":"1.23456"}"#, Finding.self),
            (#"{"id":"E1","title":"t","kind":"OTHER","providedBy":"UNIT","verified":"yes"}"#, Evidence.self),
            (#"{"id":"E1","title":"t","kind":"OTHER","providedBy":"UNIT","verified":true,"verified":false}"#, Evidence.self),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED","selfScore":"1.234"}"#, IndicatorResult.self),
            (#"{"nodeID":"N1","evidenceIDs":[],"status":"REVIEWED"} x"#, IndicatorResult.self),
        ]
        for (text, type) in bad {
            func errors<T: Decodable>(_ t: T.Type) -> (String, String) {
                var foundation = "", ours = ""
                do { _ = try StoredJSON.decodeWithFoundation(T.self, text) } catch { foundation = "\(error)" }
                do { _ = try StoredJSON.decode(T.self, text) } catch { ours = "\(error)" }
                var bytes = ""
                do { _ = try StoredJSON.decode(T.self, utf8: Array(text.utf8)) } catch { bytes = "\(error)" }
                #expect(bytes == ours, "\(text)")
                return (foundation, ours)
            }
            let (foundation, ours) = errors(type)
            // (Whether JSONDecoder refuses a repeated key is its business; the answer must be its.)
            if !text.contains("\"verified\":false") { #expect(!foundation.isEmpty, "\(text)") }
            #expect(ours == foundation, "\(text)")
        }
    }
}
