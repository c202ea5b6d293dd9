import Foundation
import Testing
import FuheCore
@testable import FuheExchange
import FuheTestSupport

/// Import is linear in its input and refuses what is too large with a located message.
@Suite struct ImportLimitTests {
    @Test func anObjectWithManyKeysParsesAndADuplicateIsStillFound() throws {
        let keys = (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        guard case .object(let members) = try JSONParser.parse(Array(("{" + keys + "}").utf8)).value else { Issue.record("not an object"); return }
        #expect(members.count == 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(("{" + keys + ",\"k99999\":0}").utf8)) }
    }

    @Test(arguments: [
        ("\"name\": \"益阳市赫山区政务服务中心\"", "\"name\": \"\(String(repeating: "黄", count: 201))\"", "unit.name", "IM-003"),
        ("\"id\": \"U-1\"", "\"id\": \"\(String(repeating: "U", count: 101))\"", "unit.id", "IM-003"),
        ("\"budget_full_year\": \"933.09\"", "\"budget_full_year\": \"\(String(repeating: "9", count: 41))\"", "self_evaluation.budget_full_year", "IM-003"),
        ("\"budget_full_year\": \"933.09\"", "\"budget_full_year\": \"100000000000000\"", "self_evaluation.budget_full_year", "IM-004"),
        ("\"id\": \"F-1\", \"seq\": 1", "\"id\": \"F-1\", \"seq\": 9223372036854775807", "findings[0].seq", "N-001"),
        ("\"id\": \"F-1\", \"seq\": 1", "\"id\": \"F-1\", \"seq\": 0", "findings[0].seq", "N-001"),
    ])
    func oversizedValuesAreLocated(old: String, new: String, path: String, rule: String) throws {
        let json = Fixture.edited(old, new)
        let error = #expect(throws: ImportError.self) { _ = try Fixture.decode(json) }
        #expect(error?.path == path && error?.rule == rule && error?.line != nil, "\(String(describing: error))")
    }
}
