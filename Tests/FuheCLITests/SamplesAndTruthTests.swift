import Foundation
import Testing
import FuheCore
import FuheTestSupport

/// The real `fuhe` binary: samples marked, removed and installed without touching real work;
/// 繁体 names and grades; what `show`, `list` and the ledger print is true.
@Suite struct SamplesAndTruthTests {
    /// A store with the samples and the fixture dossier (real work, SE-1).
    private func store(_ r: BinaryRunner) throws -> String {
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--samples", "--store", store]).status == 0)
        try Fixture.templateJSON.write(toFile: r.file("TX.json"), atomically: true, encoding: .utf8)
        try Fixture.dossierJSON.write(toFile: r.file("d.json"), atomically: true, encoding: .utf8)
        let imported = try r.run(["import", "--store", store, r.file("TX.json"), r.file("d.json")])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test func samplesAreMarkedAndRemovedAndInstalledWithoutTouchingRealWork() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try store(r)
        let list = try r.run(["list", "--store", store]).stdout
        #expect(list.contains("[示例]赫山区政务服务中心"))
        #expect(list.contains("fuhe samples --remove"))
        #expect(!list.contains("[示例]益阳市赫山区政务服务中心"), "the fixture is real work: \(list)")
        let realBefore = try r.run(["export", "--store", store, "--unit", "SE-1"]).stdout
        #expect(try r.run(["samples", "--store", store]).stdout.contains("示例单位 11 个"))

        let removed = try r.run(["samples", "--remove", "--store", store])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains("已删除 11 个示例单位"))
        let after = try r.run(["list", "--store", store]).stdout
        #expect(after.contains("SE-1") && !after.contains("SE-HS-ZWZX-2021") && !after.contains("[示例]"))
        #expect(try r.run(["export", "--store", store, "--unit", "SE-1"]).stdout == realBefore)
        let verify = try r.run(["verify", "--store", store])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(try r.run(["check", "--store", store]).status == 0)

        let installed = try r.run(["samples", "--install", "--store", store])
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(try r.run(["list", "--store", store]).stdout.contains("[示例]赫山区政务服务中心"))
        #expect(try r.run(["export", "--store", store, "--unit", "SE-1"]).stdout == realBefore)
        // Installing again replaces only the samples.
        #expect(try r.run(["samples", "--install", "--store", store]).status == 0)
        #expect(try r.run(["export", "--store", store, "--unit", "SE-1"]).stdout == realBefore)
    }

    @Test func samplesNeverReplaceARealDossierWithTheirId() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try store(r)
        #expect(try r.run(["samples", "--remove", "--store", store]).status == 0)
        // Real work that happens to use a sample's dossier id.
        let clash = Fixture.dossierJSON.replacingOccurrences(of: "\"SE-1\"", with: "\"SE-HS-ZWZX-2021\"")
        try clash.write(toFile: r.file("clash.json"), atomically: true, encoding: .utf8)
        #expect(try r.run(["import", "--store", store, r.file("clash.json")]).status == 0)
        let before = try r.run(["export", "--store", store]).stdout
        let refused = try r.run(["samples", "--install", "--store", store])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("SP-002") && refused.stderr.contains("SE-HS-ZWZX-2021"), "\(refused.stderr)")
        #expect(try r.run(["export", "--store", store]).stdout == before)
    }

    @Test func traditionalNamesAndGradesAreTheSameText() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        try Fixture.templateJSON.write(toFile: r.file("TX.json"), atomically: true, encoding: .utf8)
        var text = Fixture.edited("\"name\": \"益阳市赫山区政务服务中心\"", "\"name\": \"某區扶貧考評辦公室\"")
        text = text.replacingOccurrences(of: "\"stated_grade\": \"优\"", with: "\"stated_grade\": \"優\"")
        try text.write(toFile: r.file("d.json"), atomically: true, encoding: .utf8)
        let imported = try r.run(["import", "--store", store, r.file("TX.json"), r.file("d.json")])
        #expect(imported.status == 0, "\(imported.stderr)")
        let show = try r.run(["show", "--store", store, "扶贫考评"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("某區扶貧考評辦公室"))
        // 優 is 优: the stated grade fits the stated total 98.5, no S-004.
        #expect(!show.stdout.contains("S-004"), "\(show.stdout)")
        #expect(try r.run(["list", "--store", store]).stdout.contains("优（自评）"))
    }

    @Test func dueDaysStandBesideTheirOwnDates() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try store(r)
        let today = SystemClock().today()
        // 赫山 item 2 is 持续整改: its deadline and its next check each with their own days.
        let ledger = try r.run(["ledger", "--store", store, "--unit", "SE-HS-ZWZX-2021"]).stdout
        let lines = ledger.components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.first { $0.contains(",持续整改,") && $0.hasPrefix("2,") })
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) throws -> String { row[try #require(header.firstIndex { $0.hasSuffix(name) })] }
        let deadline = try #require(CalendarDay(try column("整改时限")))
        let nextCheck = try #require(CalendarDay(try column("下次检查日")))
        #expect(try column("剩余/逾期天数") == "剩余\(today.days(until: deadline))天")
        #expect(try column("距下次检查") == "剩余\(today.days(until: nextCheck))天")
        // fuhe show: never the days to the check beside the deadline.
        let show = try r.run(["show", "--store", store, "SE-HS-ZWZX-2021"]).stdout
        #expect(show.contains("时限 \(deadline) 剩余\(today.days(until: deadline))天；下次检查 \(nextCheck) 剩余\(today.days(until: nextCheck))天"), "\(show)")
        #expect(!show.contains("\(deadline) 剩余\(today.days(until: nextCheck))天"))
    }

    @Test func incompleteTotalsLookTheSameInListAndShow() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try store(r)
        let list = try r.run(["list", "--store", store]).stdout
        let htk = try #require(list.split(separator: "\n").first { $0.contains("SE-HTK-2020") })
        #expect(htk.contains("~"))
        #expect(list.contains(Rollup.incompleteLegend))
        let show = try r.run(["show", "--store", store, "SE-HTK-2020"]).stdout
        let partial = try #require(htk.split(separator: " ").first { $0.hasPrefix("~") })
        #expect(show.contains("复核 \(partial)"), "list says \(partial)")
        #expect(show.contains(Rollup.incompleteLegend))
        #expect(!show.contains("未完整"))
    }
}
