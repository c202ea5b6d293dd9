import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
import FuheTraining
import FuheUI
import TermCore

/// The bundled lessons load and name only things the samples have; bad lesson files are refused
/// with their file and field.
struct LessonFileTests {
    @Test func atLeastFiveBundledLessonsLoad() throws {
        let lessons = try LessonLibrary.bundled()
        #expect(lessons.count >= 5)
        #expect(Set(lessons.map(\.id)).count == lessons.count)
        for lesson in lessons {
            #expect(!lesson.steps.isEmpty)
            for step in lesson.steps { #expect(!step.hint.isEmpty && !step.instruction.isEmpty) }
        }
    }

    /// Every dossier, indicator code, finding and item a lesson names exists in the samples (after
    /// the lesson's own setup), so a lesson cannot wait for something that can never happen.
    @Test func lessonsNameOnlyWhatTheSamplesHave() throws {
        let samples = Dictionary(try BundledData.samples(today: SampleStore.today).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for lesson in try LessonLibrary.bundled() {
            var dossiers = samples
            for change in lesson.setup {
                var d = try #require(dossiers[change.dossierID], "\(lesson.id): setup names \(change.dossierID)")
                switch change {
                case .removeItem(_, let item):
                    #expect(d.items.contains { $0.id == item }, "\(lesson.id): no item \(item)")
                    d.items.removeAll { $0.id == item }
                case .removeFinding(_, let finding):
                    #expect(d.findings.contains { $0.id == finding }, "\(lesson.id): no finding \(finding)")
                    #expect(!d.items.contains { $0.findingID == finding }, "\(lesson.id): \(finding) still has items")
                    d.findings.removeAll { $0.id == finding }
                }
                dossiers[change.dossierID] = d
            }
            let checks = lesson.steps.flatMap { [$0.check] + $0.mistakes.map(\.check) }
            for check in checks { try references(check, in: dossiers, lesson: lesson.id) }
        }
    }

    func references(_ check: LessonCheck, in dossiers: [String: Dossier], lesson: String) throws {
        for id in check.dossierIDs { #expect(dossiers[id] != nil, "\(lesson): no dossier \(id)") }
        switch check {
        case .rowSelected(let id, let code), .verifiedActual(let id, let code, _), .reviewScore(let id, let code, _, _), .reasonText(let id, let code, _, _):
            #expect(dossiers[id]?.template.node(code: code) != nil, "\(lesson): \(id) has no row \(code)")
        case .itemSelected(let id, let item), .itemStatus(let id, let item, _, _):
            #expect(dossiers[id]?.items.contains { $0.id == item } == true, "\(lesson): \(id) has no item \(item)")
        case .itemAdded(let id, let condition):
            if let f = condition.finding { #expect(dossiers[id]?.findings.contains { $0.id == f } == true, "\(lesson): \(id) has no finding \(f)") }
        case .findingAdded(let id, let condition):
            if let code = condition.code { #expect(dossiers[id]?.template.node(code: code) != nil) }
        case .all(let checks), .any(let checks):
            for c in checks { try references(c, in: dossiers, lesson: lesson) }
        case .not(let c):
            try references(c, in: dossiers, lesson: lesson)
        case .unitOpen, .focus, .messageSelected:
            break
        }
    }

    static let valid = """
    {"format": "fuhe.lesson/1", "id": "x", "title": "标题", "intro": "介绍", "outro": "结束",
     "steps": [{"instruction": "打开", "hint": "提示", "check": {"kind": "unit_open", "dossier": "D"}}]}
    """

    func refusal(_ text: String) -> String {
        do {
            _ = try LessonFile.decode(Data(text.utf8), file: "lessons/99-bad.json")
            return "accepted"
        } catch {
            return error.description
        }
    }

    /// Keys in lesson texts are command names of the registry, shown with the keys of the keymap
    /// in force; a name that is not a command refuses the file, naming the field.
    @Test func lessonKeysComeFromTheRegistryAndFollowTheKeymap() throws {
        let standard = try LessonLibrary.bundled()
        for lesson in standard {
            let texts = [lesson.intro, lesson.outro] + lesson.steps.flatMap { [$0.instruction, $0.hint, $0.done ?? ""] + $0.mistakes.map(\.explain) }
            for text in texts { #expect(!text.contains("{"), "\(lesson.id): \(text)") }
        }
        #expect(standard[1].steps[1].instruction.hasPrefix("按 v 录入核实值"))
        let moved = try LessonLibrary.bundled(keymap: Keymap(overrides: [.verifyActual: [.character("V")], .returnItem: [.character("x")]]))
        #expect(moved[1].steps[1].instruction.hasPrefix("按 V 录入核实值"))
        #expect(moved[4].steps[3].mistakes.contains { $0.explain.hasPrefix("x 是退回整改") })

        let bad = Self.valid.replacingOccurrences(of: "\"打开\"", with: "\"按 {review.nope} 打开\"")
        do {
            _ = try LessonFile.decode(Data(bad.utf8), file: "lessons/99-bad.json", keys: { Keymap.standard.keys(for: CommandID($0)).first?.description })
            Issue.record("accepted an unknown command")
        } catch {
            #expect(error.description == "lessons/99-bad.json: steps[0].instruction: {review.nope} is not a command of the registry with a key")
        }
        #expect(LessonKeys.fill("集合{1, 2} 与 {", { _ in nil }) == .success("集合{1, 2} 与 {"))
    }

    @Test func aValidMinimalLessonDecodes() throws {
        let lesson = try LessonFile.decode(Data(Self.valid.utf8), file: "x.json")
        #expect(lesson.steps.first?.check == .unitOpen(dossier: "D"))
        #expect(lesson.setup.isEmpty && lesson.steps.first?.mistakes.isEmpty == true)
    }

    @Test func everyCheckKindDecodes() throws {
        let json = """
        {"kind": "all", "checks": [
          {"kind": "focus", "dossier": "D", "pane": "items"},
          {"kind": "row_selected", "dossier": "D", "code": "1.1"},
          {"kind": "message_selected", "dossier": "D", "code": "D-002"},
          {"kind": "item_selected", "dossier": "D", "item": "RI-1"},
          {"kind": "verified_actual", "dossier": "D", "code": "1.1", "value": "110"},
          {"kind": "review_score", "dossier": "D", "code": "1.1", "min": "0.01", "max": "4.99", "reason": true},
          {"kind": "finding_added", "dossier": "D", "category": "CALC_ERROR", "code": "2.1.4", "text_contains": ["13.8"], "text_lacks": ["10.3"]},
          {"kind": "item_added", "dossier": "D", "finding": "F-1", "measure": true, "measure_contains": ["采购"], "resp_person": true},
          {"kind": "any", "checks": [{"kind": "not", "check": {"kind": "item_status", "dossier": "D", "item": "RI-1", "status": "CLOSED", "evidence": true}}]},
          {"kind": "reason_text", "dossier": "D", "code": "1.1", "contains": ["超编"], "lacks": ["满分"]}
        ]}
        """
        let check = try JSONDecoder().decode(LessonCheck.self, from: Data(json.utf8))
        guard case .all(let checks) = check else { Issue.record("not all"); return }
        #expect(checks.count == 10)
        #expect(checks[9] == .reasonText(dossier: "D", code: "1.1", contains: ["超编"], lacks: ["满分"]))
        #expect(checks[5] == .reviewScore(dossier: "D", code: "1.1", condition: ScoreCondition(min: Score("0.01"), max: Score("4.99")), reason: true))
        #expect(checks[6] == .findingAdded(dossier: "D", condition: FindingCondition(category: .calcError, code: "2.1.4", textContains: ["13.8"], textLacks: ["10.3"])))
        #expect(checks[8] == .any([.not(.itemStatus(dossier: "D", item: "RI-1", status: .closed, evidence: true))]))
    }

    @Test func badLessonFilesNameTheFileAndField() {
        let cases: [(String, String)] = [
            (Self.valid.replacingOccurrences(of: "unit_open", with: "unit_opened"),
             "lessons/99-bad.json: steps[0].check.kind: \"unit_opened\" is not one of unit_open"),
            (Self.valid.replacingOccurrences(of: "\"hint\"", with: "\"hnit\""), "lessons/99-bad.json: steps[0].hnit: unknown field"),
            (Self.valid.replacingOccurrences(of: "\"title\": \"标题\",", with: ""), "lessons/99-bad.json: title: required field is missing"),
            (Self.valid.replacingOccurrences(of: "fuhe.lesson/1", with: "fuhe.lesson/2"), "lessons/99-bad.json: format: \"fuhe.lesson/2\" is not fuhe.lesson/1"),
            (Self.valid.replacingOccurrences(of: "\"dossier\": \"D\"", with: "\"dossier\": \"D\", \"score\": \"5\""), "steps[0].check.score: unknown field"),
            (Self.valid.replacingOccurrences(of: "{\"kind\": \"unit_open\", \"dossier\": \"D\"}",
                                             with: "{\"kind\": \"review_score\", \"dossier\": \"D\", \"code\": \"1\", \"score\": \"5.123\"}"),
             "steps[0].check.score: \"5.123\" is not a score"),
            (Self.valid.replacingOccurrences(of: "\"D\"}", with: "7}"), "steps[0].check.dossier: expected a string"),
            (Self.valid.replacingOccurrences(of: "\"outro\": \"结束\"", with: "\"outro\": \"  \""), "outro: must not be blank"),
            (Self.valid.replacingOccurrences(of: "[{\"instruction\"", with: "[], \"x\": [{\"instruction\""), "unknown field"),
            ("{\"format\": ", "lessons/99-bad.json: not valid JSON"),
        ]
        for (text, expected) in cases {
            let message = refusal(text)
            #expect(message.contains(expected), "expected “\(expected)”, got “\(message)”")
        }
    }

    @Test func bundledLessonLoaderNamesTheBadFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.valid.utf8).write(to: dir.appendingPathComponent("01-good.json"))
        try Data(Self.valid.replacingOccurrences(of: "\"pane\"", with: "").replacingOccurrences(of: "unit_open", with: "focus").utf8)
            .write(to: dir.appendingPathComponent("02-bad.json"))
        let urls = [dir.appendingPathComponent("01-good.json"), dir.appendingPathComponent("02-bad.json")]
        #expect(throws: (any Error).self) { try LessonLibrary.load(urls, folder: "lessons") }
        do {
            _ = try LessonLibrary.load(urls, folder: "lessons")
        } catch {
            #expect("\(error)" == "lessons/02-bad.json: steps[0].check.pane: required field is missing")
        }
    }
}
