import Foundation
import Testing
@testable import FuheCore
@testable import FuheExchange
import FuheTestSupport

@Suite struct RoundTripTests {
    @Test func exportThenImportGivesEqualDossiers() throws {
        let original = try Fixture.decode(Fixture.dossierJSON).dossiers
        let text = DossierEncoder.encode(original, sharedTemplateIDs: ["TX"])
        let again = try Fixture.decode(text).dossiers
        #expect(again == original)
        #expect(text.contains("\"益阳市赫山区政务服务中心\""))
    }

    @Test func embeddedTemplateRoundTrips() throws {
        let original = try Fixture.decode(Fixture.dossierJSON).dossiers
        let text = DossierEncoder.encode(original, sharedTemplateIDs: [])
        #expect(text.contains("\"template\": {"))
        let again = try DossierDecoder.decode(Array(text.utf8), file: "x.json", templates: { _ in nil }).dossiers
        #expect(again == original)
    }

    @Test func templateFileRoundTrips() throws {
        let t = try Fixture.template()
        let again = try TemplateLoader.template(Array(TemplateEncoder.file(t).utf8), file: "again.json")
        #expect(again == t)
    }

    @Test func parserKeepsPositions() throws {
        let node = try JSONParser.parse(Array("{\n  \"a\": [1, \"二\"]\n}".utf8))
        guard case .object(let members) = node.value, case .array(let items) = members[0].value.value else {
            Issue.record("unexpected shape"); return
        }
        #expect(items[1].line == 2 && items[1].column == 12)
    }
}
