import Foundation
import Testing
@testable import FuheCore
@testable import FuheExchange
import FuheTestSupport

@Suite struct ImportTests {
    @Test func readsTheFixture() throws {
        let file = try Fixture.decode(Fixture.dossierJSON)
        #expect(file.asOf == CalendarDay("2022-05-20"))
        let d = try #require(file.dossiers.first)
        #expect(d.unit.headcount == 11)
        #expect(d.evaluation.statedTotals == [Score("98.50")!])
        #expect(d.evaluation.executed?.yuan == 9_001_234)
        let row = try #require(d.results["TX-1.1"])
        #expect(row.actual?.number == 110)
        #expect(row.reviewScore == .zero)
        #expect(row.status == .reviewed)
        #expect(d.items.count == 1 && d.items[0].findingID == "F-1")
        #expect(d.findings[0].nodeID == "TX-1.1")
    }

    private func failure(_ json: String) -> ImportError? {
        do { _ = try Fixture.decode(json); return nil } catch { return error }
    }

    @Test func brokenJSONNamesLineAndColumn() throws {
        let json = Fixture.edited("\"seq\": 1, \"indicator_code\"", "\"seq\": 1 \"indicator_code\"")
        let e = try #require(failure(json))
        #expect(e.file == "d.json")
        #expect(e.line == Fixture.line(of: "\"seq\": 1 \"indicator_code\"", in: json))
        #expect(e.message.contains("此处应有 ',' 或 '}'"))
    }

    @Test func wrongTypeNamesTheField() throws {
        let json = Fixture.edited("\"headcount\": 11", "\"headcount\": \"十一\"")
        let e = try #require(failure(json))
        #expect(e.path == "unit.headcount")
        #expect(e.line == Fixture.line(of: "\"headcount\"", in: json))
        #expect(e.description.contains("应为整数"))
    }

    @Test func unknownTemplateIsRefused() throws {
        let e = try #require(failure(Fixture.edited("\"template_id\": \"TX\"", "\"template_id\": \"T9\"")))
        #expect(e.path == "template_id")
        #expect(e.message.contains("没有模板“T9”"))
    }

    @Test func unknownIndicatorIsRefused() throws {
        let e = try #require(failure(Fixture.edited("{\"code\": \"2.1\", \"self_score\": \"90\"}", "{\"code\": \"9.9\", \"self_score\": \"90\"}")))
        #expect(e.path == "results[1].code")
        #expect(e.message.contains("模板 TX 中没有指标“9.9”"))
    }

    @Test func outOfRangeReviewScoreIsRefused() throws {
        let e = try #require(failure(Fixture.edited("\"review_score\": \"0\"", "\"review_score\": \"6\"")))
        #expect(e.rule == "R-001")
        #expect(e.path == "results[0].review_score")
    }

    @Test func tooManyDecimalsIsRefused() throws {
        let e = try #require(failure(Fixture.edited("\"self_score\": \"5\"", "\"self_score\": \"5.123\"")))
        #expect(e.rule == "R-002")
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        var bytes = Array(Fixture.dossierJSON.utf8)
        let marker = Array("超编1人".utf8)
        let at = try #require(bytes.indices.first { Array(bytes[$0..<min($0 + marker.count, bytes.count)]) == marker })
        bytes[at] = 0xFF
        let t = try Fixture.template()
        do {
            _ = try DossierDecoder.decode(bytes, file: "bad.json", templates: { _ in t })
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.line == Fixture.line(of: "超编1人", in: Fixture.dossierJSON))
            #expect(error.message.contains("无效的 UTF-8"))
        }
    }

    @Test func unknownFieldIsRefused() throws {
        let e = try #require(failure(Fixture.edited("\"object_name\":", "\"objct\": \"x\", \"object_name\":")))
        #expect(e.path == "self_evaluation.objct")
    }

    @Test func closedItemWithoutEvidenceIsRefused() throws {
        let json = Fixture.edited("\"deadline\": \"2022-06-30\"}", "\"deadline\": \"2022-06-30\", \"status\": \"CLOSED\", \"closed_by\": \"王某\"}")
        let e = try #require(failure(json))
        #expect(e.rule == "K-003")
    }

    @Test func badDateAndDeadlineBeforeCreation() throws {
        let e1 = try #require(failure(Fixture.edited("\"deadline\": \"2022-06-30\"", "\"deadline\": \"2022-02-30\"")))
        #expect(e1.message.contains("不是有效日期"))
        let e2 = try #require(failure(Fixture.edited("\"deadline\": \"2022-06-30\"", "\"deadline\": \"2022-04-30\"")))
        #expect(e2.rule == "K-002")
    }

    @Test func templateWeightsMustAddUp() throws {
        let bad = Fixture.templateJSON.replacingOccurrences(of: "\"name\": \"三公经费变动率\", \"weight\": \"5\"", with: "\"name\": \"三公经费变动率\", \"weight\": \"4\"")
        #expect(throws: ImportError.self) { try TemplateLoader.template(Array(bad.utf8), file: "bad.json") }
        do { _ = try TemplateLoader.template(Array(bad.utf8), file: "bad.json") } catch {
            #expect(error.rule == "T-001")
        }
    }

    @Test func emptyAndNonJSONFiles() {
        #expect(failure("")?.message == "文件是空的")
        #expect(failure("SQLite format 3\0")?.message.contains("意外的字符") == true)
    }
}
