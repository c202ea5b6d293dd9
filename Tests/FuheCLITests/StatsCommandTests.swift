import Foundation
import Testing
import FuheTestSupport

/// `fuhe stats` prints the dashboard's figures, as text and as JSON, the same both ways.
@Suite struct StatsCommandTests {
    @Test func textAndJSONCarryTheSameFigures() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--samples", "--store", store]).status == 0)
        let text = try r.run(["stats", "--store", store])
        #expect(text.status == 0, "\(text.stderr)")
        let json = try r.run(["stats", "--json", "--store", store])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let progress = try #require(object["progress"] as? [String: Any])
        let rect = try #require(object["rectification"] as? [String: Any])
        #expect(progress["units"] as? Int == 11)
        #expect(text.stdout.contains("单位 11 · 未开始 \(progress["notStarted"] as? Int ?? -1)"))
        #expect(text.stdout.contains("待组长定稿 \(progress["awaitingLeader"] as? Int ?? -1)"))
        #expect(text.stdout.contains("共 \(rect["total"] as? Int ?? -1) 项"))
        #expect(text.stdout.contains("逾期 \(rect["overdue"] as? Int ?? -1)（"))
        #expect(text.stdout.contains("平均 自评 \(object["averageSelf"] as? String ?? "?")"))
        #expect(text.stdout.contains("问题类别（共 \(object["findingTotal"] as? Int ?? -1) 个"))
    }
}
