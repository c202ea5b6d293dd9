import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
import FuheTraining
import FuheUI
import TermCore

/// The session record format, the replay clock, and a recorded lesson replayed into a fresh
/// sandbox ending in the same state.
struct SessionRecordTests {
    @Test func keyNamesRoundTrip() {
        let keys: [KeyEvent] = [.character("j"), .character("中"), .character("<"), .character(" "), .enter, .tab, .backTab, .escape,
                                .backspace, .delete, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .ctrl("s"), .function(5),
                                .insert, .alt("b"), .alt("复"), .modified(.right, .ctrl), .modified(.left, [.ctrl, .shift]),
                                .modified(.backspace, .alt), .modified(.function(3), .shift), .paste("第一行\n第二行 <x>")]
        for key in keys {
            let name = KeyName.name(of: key)
            #expect(name != nil)
            #expect(name.flatMap(KeyName.key(named:)) == key, "\(key) → \(name ?? "nil")")
        }
        #expect(KeyName.name(of: .resize(width: 80, height: 24)) == nil)
        for bad in ["", "ab", "<Foo>", "<C-1>", "<F0>", "<F99>", "<>", "<X-Left>", "<S-BTab>"] { #expect(KeyName.key(named: bad) == nil, "\(bad)") }
        #expect(KeyName.name(of: .modified(.right, .ctrl)) == "<C-Right>")
        #expect(KeyName.name(of: .alt("b")) == "<M-b>")
    }

    @Test func aRecordRoundTrips() throws {
        let record = SessionRecord(header: SessionHeader(width: 100, height: 30, asOf: "2026-11-23", actor: "培训学员", lesson: 2, present: true),
                                   events: [SessionEvent(ms: 0, key: "/", command: "search.start"), SessionEvent(ms: 40, key: "中", command: "search"),
                                            SessionEvent(ms: 900, key: "<Enter>", command: "search"), SessionEvent(ms: 900, key: "x", command: nil)])
        let text = record.encoded()
        #expect(text.split(separator: "\n").count == 5)
        #expect(text.hasPrefix("{\"actor\":\"培训学员\",\"as_of\":\"2026-11-23\",\"format\":\"fuhe.session/1\""))
        #expect(try SessionFile.parse(Data(text.utf8), file: "s.jsonl") == record)
    }

    @Test func badRecordsNameTheLineAndField() {
        let header = SessionHeader(width: 80, height: 24, asOf: "2026-11-23", actor: "a").line()
        let cases: [(String, String)] = [
            ("", "s.jsonl: 是空的；第一行应是 fuhe.session/1 文件头"),
            ("not json\n", "s.jsonl:1: 不是 JSON 对象"),
            (header.replacingOccurrences(of: "fuhe.session/1", with: "x/1") + "\n", "s.jsonl:1: format: “x/1”不是 fuhe.session/1"),
            (header.replacingOccurrences(of: "\"width\":80", with: "\"width\":0") + "\n", "s.jsonl:1: width: 须为正数"),
            (header + "\n{\"ms\":5,\"key\":\"<Nope>\"}\n", "s.jsonl:2: key: “<Nope>”不是按键名"),
            (header + "\n\n{\"ms\":\"5\",\"key\":\"j\"}\n", "s.jsonl:3: ms: expected"),
            (header + "\n{\"ms\":5,\"key\":\"j\",\"extra\":1}\n", "s.jsonl:2: extra: 未知字段"),
            (header + "\n{\"key\":\"j\"}\n", "s.jsonl:2: ms: required field is missing"),
            (header + "\n{\"ms\":50,\"key\":\"j\"}\n{\"ms\":20,\"key\":\"k\"}\n", "s.jsonl:3: ms: 20 早于前一个按键（50 毫秒）"),
            (header + "\n{\"ms\":-1,\"key\":\"j\"}\n", "s.jsonl:2: ms: 不能为负数"),
        ]
        for (text, expected) in cases {
            do {
                _ = try SessionFile.parse(Data(text.utf8), file: "s.jsonl")
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.description.hasPrefix(expected), "expected “\(expected)”, got “\(error.description)”")
            }
        }
        do {
            _ = try SessionFile.parse(Data([0xFF, 0xFE]), file: "s.jsonl")
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.description == "s.jsonl: 不是 UTF-8 文本")
        }
    }

    @Test func replayClockPlaysAtSpeedWithPauseStepAndShortenedGaps() {
        let events = [0, 100, 10_100, 10_200].map { SessionEvent(ms: $0, key: "j", command: nil) }
        var p = ReplayPlayer(events: events, speed: 1, maxGap: 1000)
        #expect(p.advance(by: 0).count == 1)
        #expect(p.untilNext == 100)
        #expect(p.advance(by: 99).isEmpty)
        #expect(p.advance(by: 1).count == 1)
        // The 10 s gap is shortened to 1 s.
        #expect(p.untilNext == 1000)
        p.faster()
        #expect(p.speed == 2 && p.untilNext == 500)
        p.togglePause()
        #expect(p.untilNext == nil && p.advance(by: 5000).isEmpty)
        #expect(p.step()?.ms == 10_100)
        #expect(p.position == 3)
        p.togglePause()
        #expect(p.untilNext == 50)
        #expect(p.advance(by: 50).count == 1)
        #expect(p.isFinished && p.step() == nil)
        p.slower(); p.slower(); p.slower(); p.slower(); p.slower()
        #expect(p.speed == ReplayPlayer.speeds.first)
        for _ in 0..<10 { p.faster() }
        #expect(p.speed == ReplayPlayer.speeds.last)
    }

    /// Lesson 4 recorded through `SessionRecorder` (as `fuhe demo --record` writes it), read back
    /// and replayed into a fresh sandbox: the same item exists and the lesson is done there too.
    @Test func aRecordedLessonReplaysToTheSameState() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let path = demo.parent.appendingPathComponent("class.jsonl").path
        let recorder = try SessionRecorder(path: path)
        let w = demo.workstation(presenting: true, lesson: 4)
        recorder.start(SessionHeader(width: 100, height: 30, asOf: SampleStore.today.description, actor: "培训学员", lesson: 4, present: true))
        for action in try LessonScript.actions(lesson: 4) {
            let keys: [KeyEvent] = switch action {
            case .keys(let names): names.map(LessonScript.key)
            case .type(let text): text.map { KeyEvent.character($0) }
            case .choose, .expect: []
            }
            for key in keys {
                w.handle(key)
                recorder.record(try #require(w.lastOutcome))
            }
            if case .choose(let text) = action {
                while !w.screenText.contains(text) { w.handle(.right); recorder.record(try #require(w.lastOutcome)) }
            }
        }
        #expect(w.lessonProgress?.run.isFinished == true)
        // The record appears only when the demo ends, complete.
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(recorder.finish() == nil)
        let recorded = try demo.sandbox.dossier(id: "SE-YYX-TZGZ-2021")

        let record = try SessionFile.parse(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(record.header.lesson == 4)
        #expect(record.events.contains { $0.key == "c" && $0.command == "rect.create" })
        #expect(record.events.contains { $0.key == "<C-s>" && $0.command == "form" })

        let replaySandbox = try DemoSandbox()
        defer { replaySandbox.remove() }
        let r = replaySandbox.workstation(presenting: true, lesson: record.header.lesson)
        var player = ReplayPlayer(events: record.events, speed: 8)
        while !player.isFinished {
            for event in player.advance(by: 1000) { r.handle(try #require(KeyName.key(named: event.key))) }
        }
        #expect(r.lessonProgress?.run.isFinished == true)
        let replayed = try replaySandbox.sandbox.dossier(id: "SE-YYX-TZGZ-2021")
        #expect(replayed.items == recorded.items)
        #expect(replayed.items.contains { $0.findingID == "F-YYX-01" && $0.measure.contains("采购") && $0.respPerson == "张某" })
        #expect(r.state.training?.strokes.last?.action == "保存")
    }
}
