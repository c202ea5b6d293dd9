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
        ("empty", "", "s.jsonl: 是空的；第一行应是 fuhe.session/1 文件头"),
        ("bad-key", "HEADER\n{\"ms\":10,\"key\":\"<Nope>\",\"command\":null}\n", "s.jsonl:2: key: “<Nope>”不是按键名"),
        ("bad-ms", "HEADER\n{\"ms\":10,\"key\":\"j\"}\n{\"ms\":\"x\",\"key\":\"k\"}\n", "s.jsonl:3: ms: "),
        ("bad-json", "HEADER\n{\"ms\":10,\n", "s.jsonl:2: 不是 JSON 对象"),
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
        #expect(missing.status != 0 && missing.stderr.contains("none.jsonl：无法读取文件"))
        try "x".write(toFile: r.file("s.jsonl"), atomically: true, encoding: .utf8)
        let speed = try r.run(["replay", r.file("s.jsonl"), "--speed", "0"], environment: env)
        #expect(speed.status != 0 && speed.stderr.contains("--speed 须在 0.25 到 8 之间"))
        let lesson = try r.run(["demo", "--lesson", "9"], environment: env)
        #expect(lesson.status != 0 && lesson.stderr.contains("--lesson 9：课程只有第 1 到第 5 课"), "\(lesson.stderr)")
        let record = try r.run(["demo", "--record", r.home.appendingPathComponent("no/such/dir/x.jsonl").path], environment: env)
        #expect(record.status != 0 && record.stderr.contains("文件夹") && record.stderr.contains("不存在"), "\(record.stderr)")
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
        #expect(result.stderr.contains("是培训沙盒"), "\(result.stderr)")
        #expect(try r.run(["export", "--store", main]).stdout == before)
    }

    /// Without a terminal the demo cannot start: it says so, and its sandbox is already gone.
    @Test func withoutATerminalTheDemoStopsCleanly() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let result = try r.run(["demo"], environment: try tmpEnvironment(r))
        #expect(result.status != 0)
        #expect(result.stderr.contains("无法启动终端"), "\(result.stderr)")
        #expect(leftovers(r).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: r.home.appendingPathComponent("data").path))
    }
}
