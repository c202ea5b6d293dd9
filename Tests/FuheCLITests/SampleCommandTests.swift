import Foundation
import Testing
import FuheApp
import FuheCore
import FuheExchange
import FuheStore
import FuheTestSupport

/// `fuhe sample`: a reproducible selection of the received self-evaluations, recorded in the
/// journal with its method, ratio and seed; refused when nothing waits to be sampled.
@Suite struct SampleCommandTests {
    /// The sample store plus a 2022 round of received self-evaluations of the same units.
    static func prepared(_ r: BinaryRunner) throws -> String {
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--samples", "--store", store]).status == 0)
        let next = try BundledData.samples(today: SampleStore.today).map { d -> Dossier in
            var n = d
            n.cycle = EvaluationCycle(id: "C-2022", fiscalYear: 2022, name: "2022年度绩效自评")
            n.evaluation.id = d.id + "-2022"
            n.evaluation.cycleID = "C-2022"
            n.evaluation.status = .received
            n.review = nil
            n.findings = []
            n.items = []
            n.results = n.results.mapValues { row in
                var r = row
                r.reviewScore = nil
                r.status = .unreviewed
                r.reviewedBy = nil
                r.reviewedAt = nil
                return r
            }
            return n
        }
        let bundled = try BundledData.templates().map(\.id)
        try DossierEncoder.encode(next, sharedTemplateIDs: Set(bundled)).write(toFile: r.file("2022.json"), atomically: true, encoding: .utf8)
        let imported = try r.run(["import", "--store", store, r.file("2022.json")])
        #expect(imported.status == 0, "\(imported.stderr)")
        return store
    }

    @Test func aSeededSelectionIsReproducibleAndJournaled() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try Self.prepared(r)
        let first = try r.run(["sample", "--ratio", "30%", "--risk", "--seed", "7", "--dry-run", "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try r.run(["sample", "--ratio", "0.3", "--risk", "--seed", "7", "--dry-run", "--store", store])
        #expect(again.stdout == first.stdout)
        #expect(first.stdout.contains("2022 年度：11 个已报送，抽取 4 个（按风险加权，比例 0.3，种子 7）；未记录"))
        let recorded = try r.run(["sample", "--ratio", "0.3", "--risk", "--seed", "7", "--store", store])
        #expect(recorded.status == 0)
        #expect(recorded.stdout.contains("已记入日志 #"))
        let s = try FuheStore.open(path: store, createIfMissing: false)
        let statuses = try s.dossierIDs().filter { $0.hasSuffix("-2022") }.map { try s.dossier(id: $0).evaluation.status }
        #expect(statuses.filter { $0 == .selected }.count == 4)
        #expect(statuses.filter { $0 == .notSelected }.count == 7)
        let record = try #require(try s.journal(limit: 50).first { $0.record.entity == "sampling" })
        #expect(record.record.reason?.contains("种子 7") == true)
        let json = try #require(record.record.new)
        #expect(json.contains("\"seed\":7"))
        #expect(json.contains("\"method\":\"RISK\""))
        let ids = try s.dossierIDs().filter { $0.hasSuffix("-2022") }
        let selected = try ids.filter { try s.dossier(id: $0).evaluation.status == .selected }
        for id in selected { #expect(json.contains(id)) }
        // The dry run marked the same units that were recorded.
        let marked = first.stdout.split(separator: "\n").filter { $0.hasPrefix("✓") }.compactMap { line in ids.first { line.contains($0) } }
        #expect(Set(marked) == Set(selected))
        // Nothing is left to sample now.
        let none = try r.run(["sample", "--ratio", "0.3", "--store", store])
        #expect(none.status != 0)
        #expect(none.stderr.contains("没有待抽取的自评报告"))
    }

    @Test func aBadRatioIsRefused() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        for bad in ["0", "1.5", "abc", "-20%"] {
            let result = try r.run(["sample", "--ratio", bad, "--store", r.file("x.sqlite")])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--ratio"), "\(bad): \(result.stderr)")
        }
    }
}
