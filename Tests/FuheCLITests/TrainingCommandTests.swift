import Foundation
import Testing
import FuheTestSupport

/// `fuhe demo` and `fuhe replay` refuse bad input with one message before the screen starts,
/// and never touch the default store or leave a sandbox behind.
@Suite struct TrainingCommandTests {
    func leftovers(_ r: BinaryRunner) -> [String] {
        let tmp = r.home.appendingPathComponent("tmp").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []).filter { $0.hasPrefix("fuhe-demo-") }
    }

    func tmpEnvironment(_ r: BinaryRunner) throws -> [String: String] {
        let tmp = r.home.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        return ["TMPDIR": tmp.path]
    }

    @Test(arguments: [
        ("empty", "", "s.jsonl: empty; expected a fuhe.session/1 header line"),
        ("bad-key", "HEADER\n{\"ms\":10,\"key\":\"<Nope>\",\"command\":null}\n", "s.jsonl:2: key: \"<Nope>\" is not a key name"),
        ("bad-ms", "HEADER\n{\"ms\":10,\"key\":\"j\"}\n{\"ms\":\"x\",\"key\":\"k\"}\n", "s.jsonl:3: ms: expected"),
        ("bad-json", "HEADER\n{\"ms\":10,\n", "s.jsonl:2: not a JSON object"),
    ])
    func aBadRecordIsRefusedWithItsLineAndField(name: String, text: String, expected: String) throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let header = "{\"actor\":\"a\",\"as_of\":\"2026-11-23\",\"format\":\"fuhe.session/1\",\"height\":24,\"present\":false,\"width\":80}"
        let path = r.file("s.jsonl")
        try text.replacingOccurrences(of: "HEADER", with: header).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try r.run(["replay", path], environment: try tmpEnvironment(r))
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected.replacingOccurrences(of: "s.jsonl", with: path)), "\(name): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one message: \(result.stderr)")
        #expect(leftovers(r).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: r.home.appendingPathComponent("data").path), "the default store was touched")
    }

    @Test func optionsOutOfRangeAreRefused() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let env = try tmpEnvironment(r)
        let missing = try r.run(["replay", r.file("none.jsonl")], environment: env)
        #expect(missing.status != 0 && missing.stderr.contains("none.jsonl: cannot read the file"))
        try "x".write(toFile: r.file("s.jsonl"), atomically: true, encoding: .utf8)
        let speed = try r.run(["replay", r.file("s.jsonl"), "--speed", "0"], environment: env)
        #expect(speed.status != 0 && speed.stderr.contains("--speed must be between 0.25 and 8"))
        let lesson = try r.run(["demo", "--lesson", "9"], environment: env)
        #expect(lesson.status != 0 && lesson.stderr.contains("--lesson 9: there are lessons 1 to 5"), "\(lesson.stderr)")
        let record = try r.run(["demo", "--record", r.home.appendingPathComponent("no/such/dir/x.jsonl").path], environment: env)
        #expect(record.status != 0 && record.stderr.contains("cannot write the record file"), "\(record.stderr)")
        #expect(leftovers(r).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: r.home.appendingPathComponent("data").path), "the default store was touched")
    }

    /// A demo sandbox is never merged into a real store: `fuhe merge` refuses it and writes nothing.
    @Test func mergeRefusesADemoSandbox() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let demo = try DemoSandbox()
        defer { demo.remove() }
        _ = try demo.sandbox.apply([.removeItem(id: "RI-YYX-01")], to: "SE-YYX-TZGZ-2021", base: .unconditional, actor: "学员", reason: nil, origin: "local")
        let main = r.file("main.sqlite")
        #expect(try r.run(["import", "--samples", "--store", main]).status == 0)
        let before = try r.run(["export", "--store", main]).stdout
        let result = try r.run(["merge", "--store", main, demo.sandbox.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("training sandbox"), "\(result.stderr)")
        #expect(try r.run(["export", "--store", main]).stdout == before)
    }

    /// Without a terminal the demo cannot start: it says so, and its sandbox is already gone.
    @Test func withoutATerminalTheDemoStopsCleanly() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let result = try r.run(["demo"], environment: try tmpEnvironment(r))
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot start the terminal"), "\(result.stderr)")
        #expect(leftovers(r).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: r.home.appendingPathComponent("data").path))
    }
}
