import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
import FuheTraining

/// Lesson checks read the state: the same state passes whatever keys led to it, and a state that
/// is almost right does not.
struct LessonCheckerTests {
    static let samples = Dictionary((try? BundledData.samples(today: SampleStore.today))?.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
    static let heshan = "SE-HS-ZWZX-2021"
    static let yueyang = "SE-YYX-TZGZ-2021"

    func world(_ dossiers: [String: Dossier], open: String? = nil, focus: LessonPane = .units, row: String? = nil,
               item: String? = nil, message: String? = nil) -> LessonWorld {
        LessonWorld(openDossierID: open, focus: focus, selectedRowCode: row, selectedItemID: item, selectedMessageCode: message,
                    dossier: { dossiers[$0] })
    }

    func edited(_ id: String, _ change: (inout Dossier) -> Void) -> [String: Dossier] {
        var all = Self.samples
        if var d = all[id] { change(&d); all[id] = d }
        return all
    }

    func setRow(_ d: inout Dossier, code: String, _ change: (inout IndicatorResult) -> Void) {
        guard let node = d.template.node(code: code) else { Issue.record("no row \(code)"); return }
        var r = d.result(for: node.id)
        change(&r)
        d.results[node.id] = r
    }

    @Test func screenChecksReadTheWorkstationState() {
        let s = Self.samples
        #expect(!LessonChecker.holds(.unitOpen(dossier: Self.heshan), in: world(s, open: Self.heshan, focus: .units), baseline: .init()))
        #expect(LessonChecker.holds(.unitOpen(dossier: Self.heshan), in: world(s, open: Self.heshan, focus: .sheet), baseline: .init()))
        #expect(LessonChecker.holds(.rowSelected(dossier: Self.heshan, code: "1.1.1"), in: world(s, open: Self.heshan, focus: .sheet, row: "1.1.1"), baseline: .init()))
        #expect(!LessonChecker.holds(.rowSelected(dossier: Self.heshan, code: "1.1.1"), in: world(s, open: Self.heshan, focus: .items, row: "1.1.1"), baseline: .init()))
        #expect(!LessonChecker.holds(.rowSelected(dossier: Self.heshan, code: "1.1.1"), in: world(s, open: Self.yueyang, focus: .sheet, row: "1.1.1"), baseline: .init()))
        #expect(LessonChecker.holds(.messageSelected(dossier: Self.heshan, code: "D-004"), in: world(s, open: Self.heshan, focus: .sheet, message: "D-004"), baseline: .init()))
        #expect(LessonChecker.holds(.focus(dossier: Self.yueyang, pane: .items), in: world(s, open: Self.yueyang, focus: .items), baseline: .init()))
        #expect(LessonChecker.holds(.itemSelected(dossier: Self.yueyang, item: "RI-YYX-01"), in: world(s, open: Self.yueyang, focus: .items, item: "RI-YYX-01"), baseline: .init()))
    }

    @Test func reviewScoreNeedsTheScoreAndAReason() {
        let check = LessonCheck.reviewScore(dossier: Self.heshan, code: "1.1.1", condition: ScoreCondition(equals: .zero), reason: true)
        #expect(!LessonChecker.holds(check, in: world(Self.samples), baseline: .init()))
        let noReason = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.reviewScore = .zero; $0.deductionReason = "  " } }
        #expect(!LessonChecker.holds(check, in: world(noReason), baseline: .init()))
        let done = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.reviewScore = .zero; $0.deductionReason = "超编1人" } }
        #expect(LessonChecker.holds(check, in: world(done), baseline: .init()))
        let two = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.reviewScore = Score("2.00"); $0.deductionReason = "超编" } }
        #expect(!LessonChecker.holds(check, in: world(two), baseline: .init()))
        let partial = LessonCheck.reviewScore(dossier: Self.heshan, code: "1.1.1", condition: ScoreCondition(min: Score("0.01"), max: Score("4.99")), reason: false)
        #expect(LessonChecker.holds(partial, in: world(two), baseline: .init()))
        #expect(!LessonChecker.holds(partial, in: world(done), baseline: .init()))
    }

    @Test func reasonTextLooksForWordsInEitherScript() {
        let lacks = LessonCheck.reasonText(dossier: Self.heshan, code: "1.1.1", contains: [], lacks: ["满分"])
        let contains = LessonCheck.reasonText(dossier: Self.heshan, code: "1.1.1", contains: ["满分"], lacks: [])
        #expect(!LessonChecker.holds(lacks, in: world(Self.samples), baseline: .init()), "no reason at all")
        let full = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.reviewScore = .zero; $0.deductionReason = "按报告計滿分" } }
        #expect(!LessonChecker.holds(lacks, in: world(full), baseline: .init()))
        #expect(LessonChecker.holds(contains, in: world(full), baseline: .init()))
        let right = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.reviewScore = .zero; $0.deductionReason = "超编1人，控制率110%" } }
        #expect(LessonChecker.holds(lacks, in: world(right), baseline: .init()))
    }

    @Test func verifiedActualComparesTheNumberExactly() {
        let check = LessonCheck.verifiedActual(dossier: Self.heshan, code: "1.1.1", value: 110)
        let ratio = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.verifiedActual = ObservedValue.parse("11/10", unit: "%") } }
        let percent = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.verifiedActual = ObservedValue.parse("110%", unit: "%") } }
        let claimed = edited(Self.heshan) { d in setRow(&d, code: "1.1.1") { $0.verifiedActual = ObservedValue.parse("100%", unit: "%") } }
        #expect(LessonChecker.holds(check, in: world(ratio), baseline: .init()))
        #expect(LessonChecker.holds(check, in: world(percent), baseline: .init()))
        #expect(!LessonChecker.holds(check, in: world(claimed), baseline: .init()))
        #expect(LessonChecker.holds(.verifiedActual(dossier: Self.heshan, code: "1.1.1", value: nil), in: world(claimed), baseline: .init()))
        #expect(!LessonChecker.holds(.verifiedActual(dossier: Self.heshan, code: "1.1.1", value: nil), in: world(Self.samples), baseline: .init()))
    }

    /// "Added" means not there when the lesson started: the sample's own finding and items never count.
    @Test func addedFindingsAndItemsAreMeasuredAgainstTheBaseline() throws {
        let htk = "SE-HTK-2020"
        let start = world(Self.samples)
        let baseline = LessonBaseline(dossiers: [htk, Self.yueyang], world: start)
        let ratio = LessonCheck.findingAdded(dossier: htk, condition: FindingCondition(category: .calcError, textContains: ["13.8"]))
        // The sample already holds such a finding (F-HTK-05): it is not the trainee's.
        #expect(Self.samples[htk]?.findings.contains { $0.category == .calcError && $0.description.contains("13.8") } == true)
        #expect(!LessonChecker.holds(ratio, in: start, baseline: baseline))
        let added = edited(htk) { d in
            d.findings.append(Finding(id: "F-9", seq: 9, category: .calcError, description: "节约比率应为13.8%"))
        }
        #expect(LessonChecker.holds(ratio, in: world(added), baseline: baseline))
        let wrong = edited(htk) { d in
            d.findings.append(Finding(id: "F-9", seq: 9, category: .other, description: "节约比率应为13.8%"))
        }
        #expect(!LessonChecker.holds(ratio, in: world(wrong), baseline: baseline))

        let item = LessonCheck.itemAdded(dossier: Self.yueyang, condition: ItemCondition(finding: "F-YYX-01", measureContains: ["采购"], measure: true, respPerson: true))
        #expect(!LessonChecker.holds(item, in: start, baseline: baseline))
        func withItem(finding: String, measure: String, person: String) -> [String: Dossier] {
            edited(Self.yueyang) { d in
                d.items.append(RectificationItem(id: "RI-9", findingID: finding, seq: 9, measure: measure, respUnit: "岳阳县政务服务中心",
                                                 respPerson: person, createdOn: SampleStore.today, deadline: SampleStore.today.adding(days: 30)))
            }
        }
        #expect(LessonChecker.holds(item, in: world(withItem(finding: "F-YYX-01", measure: "补办政府采购手续", person: "张某")), baseline: baseline))
        #expect(!LessonChecker.holds(item, in: world(withItem(finding: "F-YYX-02", measure: "补办政府采购手续", person: "张某")), baseline: baseline))
        #expect(!LessonChecker.holds(item, in: world(withItem(finding: "F-YYX-01", measure: "完善流程", person: "张某")), baseline: baseline))
        #expect(!LessonChecker.holds(item, in: world(withItem(finding: "F-YYX-01", measure: "补办政府采购手续", person: " ")), baseline: baseline))
    }

    @Test func itemStatusWantsEvidenceWhenAsked() {
        let closed = LessonCheck.itemStatus(dossier: Self.yueyang, item: "RI-YYX-01", status: .closed, evidence: true)
        let noEvidence = edited(Self.yueyang) { d in d.items[0].status = .closed; d.items[0].evidenceIDs = [] }
        let withEvidence = edited(Self.yueyang) { d in d.items[0].status = .closed; d.items[0].evidenceIDs = ["EV-1"] }
        #expect(Self.samples[Self.yueyang]?.items[0].id == "RI-YYX-01")
        #expect(!LessonChecker.holds(closed, in: world(noEvidence), baseline: .init()))
        #expect(LessonChecker.holds(closed, in: world(withEvidence), baseline: .init()))
        #expect(!LessonChecker.holds(closed, in: world(Self.samples), baseline: .init()))
    }

    @Test func combinators() {
        let yes = LessonCheck.unitOpen(dossier: Self.heshan)
        let no = LessonCheck.unitOpen(dossier: Self.yueyang)
        let w = world(Self.samples, open: Self.heshan, focus: .sheet)
        #expect(LessonChecker.holds(.all([yes, .not(no)]), in: w, baseline: .init()))
        #expect(!LessonChecker.holds(.all([yes, no]), in: w, baseline: .init()))
        #expect(LessonChecker.holds(.any([no, yes]), in: w, baseline: .init()))
        #expect(!LessonChecker.holds(.any([no, .not(yes)]), in: w, baseline: .init()))
        // Unknown dossiers and rows never hold.
        #expect(!LessonChecker.holds(.reviewScore(dossier: "NOPE", code: "1", condition: .init(), reason: false), in: w, baseline: .init()))
        #expect(!LessonChecker.holds(.reviewScore(dossier: Self.heshan, code: "9.9.9", condition: .init(), reason: false), in: w, baseline: .init()))
    }
}

/// The lesson run: steps complete in order when their checks hold; a mistake is shown only when
/// the state moves into it.
struct LessonRunTests {
    static let dossier = "SE-HS-ZWZX-2021"
    static let lesson = Lesson(id: "t", title: "t", intro: "intro", steps: [
        LessonStep(instruction: "open", check: .unitOpen(dossier: dossier), hint: "h1", done: "opened"),
        LessonStep(instruction: "row", check: .rowSelected(dossier: dossier, code: "1.1.1"), hint: "h2",
                   mistakes: [LessonMistake(check: .rowSelected(dossier: dossier, code: "1.1.2"), explain: "wrong row")]),
        LessonStep(instruction: "items", check: .focus(dossier: dossier, pane: .items), hint: "h3"),
    ], outro: "end")

    func world(focus: LessonPane, row: String? = nil) -> LessonWorld {
        LessonWorld(openDossierID: Self.dossier, focus: focus, selectedRowCode: row, dossier: { _ in nil })
    }

    @Test func stepsCompleteInOrderAndMistakesAppearOnlyWhenEntered() {
        var run = LessonRun(lesson: Self.lesson, world: world(focus: .units))
        #expect(run.update(world(focus: .units)) == 0)
        #expect(run.step == 0 && run.lastDone == nil && run.mistake == nil)
        // Opening on the wrong row: step 1 completes, the wrong row was there from the start of step 2 → quiet.
        #expect(run.update(world(focus: .sheet, row: "1.1.2")) == 1)
        #expect(run.step == 1 && run.lastDone == "opened" && run.mistake == nil)
        // Leave it and come back: now it is the trainee's move, and it is explained.
        run.update(world(focus: .sheet, row: "1"))
        #expect(run.mistake == nil)
        run.update(world(focus: .sheet, row: "1.1.2"))
        #expect(run.mistake == "wrong row")
        run.revealHint()
        #expect(run.hintShown)
        // The right row completes step 2; a later step's check does not count before its turn.
        run.update(world(focus: .sheet, row: "1.1.1"))
        #expect(run.step == 2 && run.mistake == nil && !run.hintShown && run.lastDone == "")
        run.update(world(focus: .items, row: "1.1.1"))
        #expect(run.isFinished && run.current == nil)
    }

    @Test func aLaterCheckDoesNotSkipAnEarlierStep() {
        var run = LessonRun(lesson: Self.lesson, world: world(focus: .units))
        // Focus on items satisfies step 3 and step 1 (open), but not step 2 (row on the sheet).
        run.update(world(focus: .items, row: "1.1.1"))
        #expect(run.step == 1)
    }
}
