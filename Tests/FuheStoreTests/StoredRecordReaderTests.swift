import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

/// The per-type readers of each dossier's records (self-evaluation, unit, cycle, team, review) must read
/// every record the store writes, into the value `JSONDecoder` reads, and hand everything else on,
/// so that `StoredJSON.decode` still answers with `JSONDecoder`'s value or error.
@Suite struct StoredRecordReaderTests {
    @Test func everyRecordOfTheSampleStore() throws {
        let s = try SampleStore()
        defer { s.remove() }
        var count = 0
        try s.store.queue.read { db in
            func column<T: Decodable & Hashable>(_ sql: String, _ type: T.Type) throws {
                for text in try String.fetchAll(db, sql: sql) { try readsLikeFoundation(text, as: type); count += 1 }
            }
            try column("SELECT evaluation_json FROM dossier", SelfEvaluation.self)
            try column("SELECT self_team_json FROM dossier", [TeamMember].self)
            try column("SELECT json FROM unit", EvaluatedUnit.self)
            try column("SELECT json FROM cycle", EvaluationCycle.self)
            try column("SELECT review_json FROM dossier WHERE review_json IS NOT NULL", Review.self)
        }
        #expect(count > 30)
    }

    private static let pieces = ["中文", "繁體", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", "e\u{301}", "😀",
                                 "\u{2028}", "\u{FEFF}", " ", "{", "}", "[", "]", ",", ":", "null", "\\u0041"]

    private static func text(_ rng: inout SplitMix) -> String { (0..<rng.next(8)).map { _ in pieces[rng.next(pieces.count)] }.joined() }
    private static func maybe<T>(_ rng: inout SplitMix, _ value: (inout SplitMix) -> T) -> T? { rng.next(2) == 0 ? nil : value(&rng) }
    private static func optText(_ rng: inout SplitMix) -> String? { maybe(&rng) { text(&$0) } }
    private static func optDay(_ rng: inout SplitMix) -> CalendarDay? { maybe(&rng) { CalendarDay(dayNumber: $0.next(60_000) - 10_000) } }
    private static func money(_ rng: inout SplitMix) -> Money { Money(yuan: Int64(rng.next(2_000_000_000)) - 1_000_000_000) }
    private static func optMoney(_ rng: inout SplitMix) -> Money? { maybe(&rng) { money(&$0) } }
    private static func decimal(_ rng: inout SplitMix) -> Decimal { Decimal(rng.next(2_000_000)) / 1000 - 1000 }
    private static func some<T>(_ rng: inout SplitMix, _ most: Int, _ make: (inout SplitMix) -> T) -> [T] {
        (0..<rng.next(most + 1)).map { _ in make(&rng) }
    }
    private static func pick<E: CaseIterable>(_ rng: inout SplitMix, _ type: E.Type) -> E {
        let all = Array(E.allCases)
        return all[rng.next(all.count)]
    }

    static func evaluation(_ rng: inout SplitMix, _ k: Int) -> SelfEvaluation {
        SelfEvaluation(
            id: "SE\(k)" + text(&rng), cycleID: text(&rng), unitID: text(&rng), templateID: text(&rng), evalType: pick(&rng, EvalType.self),
            objectName: text(&rng), evalMethod: optText(&rng), budgetInitial: optMoney(&rng), budgetFullYear: optMoney(&rng),
            executed: optMoney(&rng), statedTotals: some(&rng, 3) { Score(hundredths: $0.next(20_000) - 5_000) },
            statedGrade: optText(&rng), reportDate: optDay(&rng), disclosureIndexNo: optText(&rng), disclosureDate: optDay(&rng),
            basisDocs: some(&rng, 3) { text(&$0) }, goalsText: text(&rng), achievementsText: text(&rng),
            statedProblems: some(&rng, 3) { text(&$0) }, statedMeasures: some(&rng, 3) { text(&$0) },
            status: pick(&rng, EvaluationStatus.self), sourceRef: optText(&rng),
            budgetSummary: maybe(&rng) { r in
                BudgetSummary(incomeTotal: optMoney(&r), expenditureTotal: optMoney(&r), personnel: optMoney(&r),
                              publicOperating: optMoney(&r), projectExpenditure: optMoney(&r), budgetInitial: optMoney(&r),
                              budgetSupplement: optMoney(&r), carryoverBegin: optMoney(&r), carryoverEnd: optMoney(&r),
                              fixedAssets: optMoney(&r))
            },
            threePublic: some(&rng, 3) { r in
                ThreePublicLine(category: pick(&r, ThreePublicCategory.self), budget: money(&r), final: money(&r),
                                priorFinal: optMoney(&r), statedVariance: optMoney(&r), statedRatio: maybe(&r) { decimal(&$0) })
            },
            amountChecks: some(&rng, 2) { r in
                AmountCheck(label: text(&r), statedTotal: money(&r),
                            components: some(&r, 3) { AmountCheck.Component(label: text(&$0), amount: money(&$0)) })
            },
            shareChecks: some(&rng, 2) { r in
                ShareCheck(label: text(&r), numerator: money(&r), denominator: money(&r), statedPercent: decimal(&r))
            },
            figureConflicts: some(&rng, 2) { r in
                FigureConflict(quantity: text(&r), statements: some(&r, 3) { FigureConflict.Statement(value: text(&$0), location: text(&$0)) })
            },
            reportSections: some(&rng, 3) { r in ReportSection(title: text(&r), present: r.next(2) == 0, text: text(&r)) })
    }

    static func unit(_ rng: inout SplitMix, _ k: Int) -> EvaluatedUnit {
        EvaluatedUnit(id: "U\(k)" + text(&rng), name: text(&rng), shortName: optText(&rng), budgetCode: optText(&rng),
                      parentDept: optText(&rng), region: optText(&rng), adminLevel: maybe(&rng) { pick(&$0, AdminLevel.self) },
                      unitKind: optText(&rng), staffingQuota: maybe(&rng) { $0.next(2_000) - 100 },
                      headcount: maybe(&rng) { $0.next(2_000) }, retirees: maybe(&rng) { $0.next(500) },
                      vehicleQuota: maybe(&rng) { $0.next(50) }, contactName: optText(&rng), contactPhone: optText(&rng),
                      internalOrgs: some(&rng, 4) { text(&$0) })
    }

    static func cycle(_ rng: inout SplitMix, _ k: Int) -> EvaluationCycle {
        EvaluationCycle(id: "C\(k)" + text(&rng), fiscalYear: rng.next(200) + 1_950, yearIsDemo: rng.next(2) == 0, name: text(&rng),
                        noticeDocNo: optText(&rng), issuer: optText(&rng), evalTypes: some(&rng, 3) { pick(&$0, EvalType.self) },
                        submitDeadline: optDay(&rng), reviewDeadline: optDay(&rng))
    }

    static func team(_ rng: inout SplitMix) -> [TeamMember] {
        some(&rng, 4) { r in
            TeamMember(name: text(&r), title: optText(&r), org: optText(&r), role: pick(&r, TeamRole.self), signed: r.next(2) == 0,
                       signedOn: optDay(&r))
        }
    }

    static func review(_ rng: inout SplitMix, _ k: Int) -> Review {
        func optDate(_ r: inout SplitMix) -> Date? { maybe(&r) { Date(timeIntervalSince1970: Double($0.next(2_000_000_000))) } }
        var r = Review(id: "R\(k)" + text(&rng), mode: pick(&rng, ReviewMode.self), team: team(&rng), conclusion: text(&rng),
                       status: pick(&rng, ReviewStatus.self), startedAt: optDate(&rng), submittedAt: optDate(&rng),
                       finalizedAt: optDate(&rng), frozenTotal: maybe(&rng) { Score(hundredths: $0.next(20_000) - 5_000) },
                       frozenGrade: optText(&rng))
        r.application = maybe(&rng) { a in
            ResultApplication(kind: pick(&a, ApplicationKind.self), reason: text(&a), decidedBy: text(&a),
                              decidedOn: CalendarDay(dayNumber: a.next(60_000) - 10_000))
        }
        return r
    }

    /// Records with every member set or absent and hostile text in every string.
    @Test func generatedRecordsWithEveryMember() throws {
        var rng = SplitMix(seed: 20_261_206)
        for k in 0..<300 {
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(Self.evaluation(&rng, k)), as: SelfEvaluation.self)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(Self.unit(&rng, k)), as: EvaluatedUnit.self)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(Self.cycle(&rng, k)), as: EvaluationCycle.self)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(Self.team(&rng)), as: [TeamMember].self)
            try readsLikeFoundation(StoredJSON.encodeWithFoundation(Self.review(&rng, k)), as: Review.self)
        }
    }

    /// Explicit `null`s, space, members in another order, unknown or escaped members: the reader
    /// reads what it models, hands on what it does not, and `decode` still answers as `JSONDecoder`.
    @Test func oddTextIsReadOrHandedOn() throws {
        let cycle = #"{"id":"C1","fiscalYear":2025,"yearIsDemo":false,"name":"二〇二五","evalTypes":["PROJECT"]}"#
        let odd: [(String, Bool)] = [
            (cycle, true),
            (#"{"name":"n","evalTypes":[],"yearIsDemo":true,"fiscalYear":2024,"id":"C2","issuer":null,"reviewDeadline":null}"#, true),
            (" {\n\t\"id\" : \"C1\" , \"fiscalYear\" : 2025 , \"yearIsDemo\" : false , \"name\" : \"n\" , \"evalTypes\" : [ ] } \n", true),
            (cycle.replacingOccurrences(of: "}", with: #","extra":1}"#), false),
            (cycle.replacingOccurrences(of: #""name""#, with: #""n\u0061me""#), false),
            (cycle.replacingOccurrences(of: "2025", with: "2025.0"), false),
        ]
        for (text, direct) in odd { try expectReadOrHandedOn(text, direct: direct, as: EvaluationCycle.self) }
        let share = #"{"statedTotals":[],"basisDocs":[],"goalsText":"","achievementsText":"","statedProblems":[],"statedMeasures":[],"status":"SELECTED","threePublic":[],"amountChecks":[],"figureConflicts":[],"reportSections":[],"id":"S","cycleID":"C","unitID":"U","templateID":"T","evalType":"PROJECT","objectName":"o","shareChecks":[{"label":"l","numerator":"1.00","denominator":"2.00","statedPercent":50.10}]}"#
        try readsLikeFoundation(share, as: SelfEvaluation.self)
    }

    /// Bad records get `JSONDecoder`'s own error, which names the field.
    @Test func badRecordsGetJSONDecodersErrorNamingTheField() throws {
        var rng = SplitMix(seed: 77)
        let evaluation = StoredJSON.encodeWithFoundation(Self.evaluation(&rng, 1))
        let unit = StoredJSON.encodeWithFoundation(EvaluatedUnit(id: "U1", name: "单位", headcount: 12))
        let cycle = StoredJSON.encodeWithFoundation(EvaluationCycle(id: "C1", fiscalYear: 2025, name: "周期"))
        let team = StoredJSON.encodeWithFoundation([TeamMember(name: "张三", signed: true)])
        var decided = Review(id: "R1", conclusion: "结论", status: .finalized, frozenTotal: Score(hundredths: 8_850), frozenGrade: "良")
        decided.application = ResultApplication(kind: .reduce, reason: "理由", decidedBy: "李四", decidedOn: CalendarDay(dayNumber: 20_000))
        let review = StoredJSON.encodeWithFoundation(decided)
        let bad: [(String, any Decodable.Type, String)] = [
            (evaluation.replacingOccurrences(of: #""status":"#, with: #""status":"NOPE","old":"#), SelfEvaluation.self, "status"),
            (evaluation.replacingOccurrences(of: #""objectName":"#, with: #""objectNam":"#), SelfEvaluation.self, "objectName"),
            (evaluation.replacingOccurrences(of: #""statedTotals":["#, with: #""statedTotals":["1.234","#), SelfEvaluation.self, "statedTotals"),
            (unit.replacingOccurrences(of: #""headcount":12"#, with: #""headcount":"12""#), EvaluatedUnit.self, "headcount"),
            (unit.replacingOccurrences(of: #""internalOrgs":[],"#, with: ""), EvaluatedUnit.self, "internalOrgs"),
            (cycle.replacingOccurrences(of: #""fiscalYear":2025,"#, with: ""), EvaluationCycle.self, "fiscalYear"),
            (cycle.replacingOccurrences(of: #""evalTypes":[]"#, with: #""evalTypes":["BOTH"]"#), EvaluationCycle.self, "evalTypes"),
            (team.replacingOccurrences(of: #""signed":true"#, with: #""signed":"yes""#), [TeamMember].self, "signed"),
            (review.replacingOccurrences(of: #""status":"FINALIZED""#, with: #""status":"DONE""#), Review.self, "status"),
            (review.replacingOccurrences(of: #""conclusion":"结论","#, with: ""), Review.self, "conclusion"),
            (review.replacingOccurrences(of: #""kind":"REDUCE""#, with: #""kind":"MORE""#), Review.self, "kind"),
            (review.replacingOccurrences(of: #""frozenTotal":"[^"]*""#, with: #""frozenTotal":88.5"#, options: .regularExpression), Review.self, "frozenTotal"),
        ]
        for (text, type, field) in bad {
            func errors<T: Decodable>(_ t: T.Type) -> (String, String) {
                var foundation = "", ours = ""
                do { _ = try StoredJSON.decodeWithFoundation(T.self, text) } catch { foundation = "\(error)" }
                do { _ = try StoredJSON.decode(T.self, text) } catch { ours = "\(error)" }
                return (foundation, ours)
            }
            let (foundation, ours) = errors(type)
            #expect(!ours.isEmpty && ours == foundation, "\(text)")
            #expect(ours.contains(field), "the error names \(field): \(ours)")
        }
    }
}
