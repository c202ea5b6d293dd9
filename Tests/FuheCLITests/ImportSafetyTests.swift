import Foundation
import Testing
import FuheTestSupport

/// Issue 9 §3 through the real binary: an import never traps, takes time linear in its input,
/// refuses what is too large with a located message, and never quietly changes another dossier.
@Suite struct ImportSafetyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/samples")

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func sample(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.samples.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func write(_ object: Any, to path: String) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
    }

    /// Imports `file` into a fresh store; expects a refusal containing every `expected` text and no change.
    func refused(_ r: BinaryRunner, _ file: String, _ expected: [String]) throws {
        let store = r.file("s.sqlite")
        #expect(try r.run(["list", "--store", store]).status == 0)
        let before = try r.run(["export", "--store", store]).stdout
        let result = try r.run(["import", "--store", store, file])
        #expect(result.status == 1, "status \(result.status): \(result.stderr)")
        for text in expected { #expect(result.stderr.contains(text), "\(text): \(result.stderr)") }
        #expect(result.stderr.split(separator: "\n").count == 1, "one message: \(result.stderr)")
        #expect(try r.run(["export", "--store", store]).stdout == before)
    }

    /// Repro 01: amounts whose sum passes Int64 killed `fuhe import` with SIGILL in `Money.+`.
    @Test func amountsThatAddUpBeyondTheLimitAreALocatedError() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        var d = try sample("01-huangtukuang-2020.json")
        var evaluation = try #require(d["self_evaluation"] as? [String: Any])
        var checks = try #require(evaluation["amount_checks"] as? [[String: Any]])
        checks[0]["components"] = Array(repeating: ["label": "x", "amount": "92233720368.5477"], count: 2_000)
        evaluation["amount_checks"] = checks
        d["self_evaluation"] = evaluation
        try write(d, to: r.file("amounts.json"))
        try refused(r, r.file("amounts.json"), ["amounts.json:", "self_evaluation.amount_checks[0].components[1084].amount", "IM-004"])
    }

    /// Repro 02: an object of N keys took N² steps (100,000 keys: a minute).
    @Test func anObjectWithManyKeysIsReadInOnePass() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let keys = (0..<200_000).map { "\"k\($0)\":1" }.joined(separator: ",")
        try Data(("{\"format\":\"fuhe.dossier/1\",\"unit\":{" + keys + "}}").utf8).write(to: URL(fileURLWithPath: r.file("keys.json")))
        try refused(r, r.file("keys.json"), ["keys.json:1: unit.id: 缺少必填字段"])
        let dup = "{\"format\":\"fuhe.dossier/1\",\"unit\":{" + keys + ",\"k77\":2}}"
        try Data(dup.utf8).write(to: URL(fileURLWithPath: r.file("dup.json")))
        try refused(r, r.file("dup.json"), ["dup.json:1:", "字段“k77”在同一对象中出现了两次"])
    }

    /// Repro 03: a 100,000-character name made the pinyin sort key run for minutes.
    @Test func aNameLongerThanTheLimitIsALocatedError() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        var d = try sample("08-heshan.json")
        var unit = try #require(d["unit"] as? [String: Any])
        unit["name"] = String(repeating: "黄", count: 100_000)
        unit.removeValue(forKey: "short_name")
        d["unit"] = unit
        try write(d, to: r.file("long.json"))
        try refused(r, r.file("long.json"), ["long.json:", "unit.name", "100000 个字符", "IM-003"])
    }

    /// Repro 04: a finding `seq` of Int.max was accepted; adding a finding then trapped.
    @Test func aNumberOutOfRangeIsALocatedError() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        try refused(r, fixture("finding-seq-intmax.json"), ["finding-seq-intmax.json:215: findings[0].seq", "N-001"])
    }

    /// Repro 08: a dossier reusing another's unit and cycle ids renamed and re-dated it, unjournalled.
    @Test func aSharedUnitChangesOnlyWhenAskedAndThroughTheJournal() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--store", store, Self.samples.appendingPathComponent("08-heshan.json").path]).status == 0)
        let before = try r.run(["list", "--store", store]).stdout
        let refusedImport = try r.run(["import", "--store", store, fixture("unit-overwrite.json")])
        #expect(refusedImport.status != 0)
        #expect(refusedImport.stderr.contains("单位 U-HS-ZWZX") && refusedImport.stderr.contains("SE-HS-ZWZX-2021") && refusedImport.stderr.contains("--replace"),
                "\(refusedImport.stderr)")
        #expect(try r.run(["list", "--store", store]).stdout == before)
        let replaced = try r.run(["import", "--store", store, "--replace", fixture("unit-overwrite.json")])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(replaced.stdout.contains("同时替换了单位 U-HS-ZWZX") && replaced.stdout.contains("SE-HS-ZWZX-2021"), "\(replaced.stdout)")
        #expect(replaced.stdout.contains("同时替换了评价周期 C-HS-2021"))
        // The other dossier's change is in its journal, and the store checks out.
        let verify = try r.run(["verify", "--store", store])
        #expect(verify.status == 0, "\(verify.stderr)")
        let check = try r.run(["check", "--store", store, "--quiet"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try r.run(["list", "--store", store]).stdout.contains("被篡改"))
    }

    /// Repro 07: B reusing A's embedded template id made A's scored row disappear.
    @Test func aSharedTemplateNeverDropsAnotherDossiersRows() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--store", store, fixture("template-clash-A.json")]).status == 0)
        let before = try r.run(["show", "--store", store, "SE-MX-2020"]).stdout
        for arguments in [[String](), ["--replace"]] {
            let result = try r.run(["import", "--store", store] + arguments + [fixture("template-clash-B.json")])
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains("模板 T1-MX-2020") && result.stderr.contains("SE-MX-2020"), "\(result.stderr)")
        }
        #expect(try r.run(["show", "--store", store, "SE-MX-2020"]).stdout == before)
        #expect(try r.run(["check", "--store", store, "--quiet"]).status == 0)
    }
}
