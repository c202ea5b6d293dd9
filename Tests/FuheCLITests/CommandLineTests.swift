import Foundation
import Testing
import FuheTestSupport
import GRDB

@Suite struct CommandLineTests {
    /// Writes the fixture template and dossier into the runner's folder and imports them into `store`.
    private func prepared(_ r: BinaryRunner, store: String) throws {
        try Fixture.templateJSON.write(toFile: r.file("TX.json"), atomically: true, encoding: .utf8)
        try Fixture.dossierJSON.write(toFile: r.file("d.json"), atomically: true, encoding: .utf8)
        let result = try r.run(["import", "--store", store, r.file("TX.json"), r.file("d.json")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func importListShowLedgerCheck() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        let list = try r.run(["list", "--store", store])
        #expect(list.status == 0)
        #expect(list.stdout.contains("益阳市赫山区政务服务中心"))
        #expect(list.stdout.contains("98.50"))
        let show = try r.run(["show", "--store", store, "赫山"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("在职人员控制率"))
        #expect(show.stdout.contains("D-004"))
        let ledger = try r.run(["ledger", "--store", store])
        #expect(Array(ledger.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(ledger.stdout.contains("序号,被评价单位"))
        #expect(ledger.stdout.contains("按编制核定人员"))
        #expect(ledger.stdout.contains("\r\n"))
        let check = try r.run(["check", "--store", store])
        #expect(check.status == 0)
        #expect(check.stdout.contains("库完好"))
    }

    @Test func showFindsUnitsByPinyin() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        let show = try r.run(["show", "--store", store, "heshan"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("益阳市赫山区政务服务中心"))
    }

    @Test func exportImportsBackIntoAnotherStore() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        #expect(try r.run(["export", "--store", store, "--out", r.file("out.json")]).status == 0)
        let again = try r.run(["import", "--store", r.file("t.sqlite"), r.file("TX.json"), r.file("out.json")])
        #expect(again.status == 0, "\(again.stderr)")
        let a = try r.run(["export", "--store", store]).stdout
        let b = try r.run(["export", "--store", r.file("t.sqlite")]).stdout
        #expect(a == b)
    }

    /// Each bad input gets one message naming the place, a non-zero exit, and no change to the store.
    @Test(arguments: [
        ("broken-json", "\"seq\": 1, \"indicator_code\"", "\"seq\": 1 \"indicator_code\"", "d.json:"),
        ("wrong-type", "\"headcount\": 11", "\"headcount\": \"十一\"", "unit.headcount"),
        ("unknown-template", "\"template_id\": \"TX\"", "\"template_id\": \"T9\"", "没有模板“T9”"),
        ("unknown-indicator", "{\"code\": \"2.1\", \"self_score\": \"90\"}", "{\"code\": \"9.9\", \"self_score\": \"90\"}", "results[1].code"),
        ("out-of-range", "\"review_score\": \"0\"", "\"review_score\": \"7\"", "R-001"),
    ])
    func badInputChangesNothing(name: String, old: String, new: String, expected: String) throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        let before = try r.run(["export", "--store", store]).stdout
        var bad = Fixture.edited(old, new)
        bad = bad.replacingOccurrences(of: "\"SE-1\"", with: "\"SE-2\"")
        try bad.write(toFile: r.file("d.json"), atomically: true, encoding: .utf8)
        let result = try r.run(["import", "--store", store, r.file("d.json")])
        #expect(result.status != 0)
        #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        #expect(result.stderr.contains("什么都没有导入"))
        #expect(result.stderr.split(separator: "\n").count == 1, "one clear message: \(result.stderr)")
        #expect(try r.run(["export", "--store", store]).stdout == before)
    }

    @Test func invalidUTF8IsRefused() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        var bytes = Array(Fixture.dossierJSON.replacingOccurrences(of: "\"SE-1\"", with: "\"SE-2\"").utf8)
        bytes[bytes.count / 2] = 0xFE
        #expect(FileManager.default.createFile(atPath: r.file("bad.json"), contents: Data(bytes)))
        let result = try r.run(["import", "--store", store, r.file("bad.json")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("无效的 UTF-8"))
        #expect(try r.run(["list", "--store", store]).stdout.contains("SE-2") == false)
    }

    @Test func aFileThatIsNotAStoreIsLeftAlone() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        try "备忘录".write(toFile: r.file("notes.txt"), atomically: true, encoding: .utf8)
        let result = try r.run(["list", "--store", r.file("notes.txt")])
        #expect(result.status != 0)
        #expect(result.stderr.contains("不是 Fuhe 库"))
        #expect(try String(contentsOfFile: r.file("notes.txt"), encoding: .utf8) == "备忘录")
    }

    @Test func verifyReportsAnIntactChainAndNamesATamperedEntry() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        let ok = try r.run(["verify", "--store", store])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("哈希链与锚点一致"))
        let db = try DatabaseQueue(path: store)
        try db.write { try $0.execute(sql: "UPDATE journal SET actor = '某人' WHERE seq = 1") }
        let bad = try r.run(["verify", "--store", store])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("日志第 1 条"))
    }

    @Test func mergeRefusesWhatIsNotACopyAndChecksItsArguments() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try prepared(r, store: store)
        try "备忘录".write(toFile: r.file("notes.txt"), atomically: true, encoding: .utf8)
        let before = try r.run(["export", "--store", store]).stdout
        for (arguments, expected) in [
            (["merge", "--store", store, r.file("notes.txt")], "不是 Fuhe 库"),
            (["merge", "--store", store, r.file("missing.sqlite")], "没有这个库"),
            (["merge", "--store", store, store], "是主库，不是 fuhe checkout 借出的副本"),
            (["merge", "--store", store, store, "--prefer", "both"], "--prefer “both” 无法识别"),
            (["checkout", "--store", store, "--out", r.file("c.sqlite")], "请用 --unit 或 --filter 选择单位"),
            (["checkout", "--store", store, "--filter", "late", "--out", r.file("c.sqlite")], "--filter late"),
            (["checkout", "--store", store, "--unit", "没有这个单位", "--out", r.file("c.sqlite")], "没有单位与“没有这个单位”相符"),
            (["leases", "--store", store, "--release", "L-9", "--reason", "丢失"], "库中没有借出 L-9"),
        ] {
            let result = try r.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: r.file("c.sqlite")))
        #expect(try r.run(["export", "--store", store]).stdout == before)
        #expect(try String(contentsOfFile: r.file("notes.txt"), encoding: .utf8) == "备忘录")
    }
}
