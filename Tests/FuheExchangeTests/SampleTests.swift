import Foundation
import Testing
import FuheCore
import FuheExchange
import FuheResources

/// The bundled templates and sample dossiers load through the importer and show what they were
/// built to show.
@Suite struct SampleTests {
    typealias Loaded = (templates: [IndicatorTemplate], dossiers: [Dossier], schemes: [GradeScheme])
    /// Loaded once for all tests of the suite.
    static let loaded = Result { try read() }
    static func load() throws -> Loaded { try loaded.get() }

    static func read() throws -> Loaded {
        let templates = try TemplateLoader.templates(in: ResourceFiles.templatesDirectory)
        let byID = Dictionary(uniqueKeysWithValues: templates.map { ($0.id, $0) })
        var dossiers: [Dossier] = []
        for url in ResourceFiles.jsonFiles(in: ResourceFiles.samplesDirectory) {
            let file = try DossierDecoder.decode(try TemplateLoader.read(url), file: url.lastPathComponent, templates: { byID[$0] })
            #expect(file.asOf != nil, "\(url.lastPathComponent) has as_of")
            dossiers += file.dossiers
        }
        let schemesURL = ResourceFiles.gradeSchemesFile
        let schemes = try TemplateLoader.gradeSchemes(try TemplateLoader.read(schemesURL), file: "grade-schemes.json")
        return (templates, dossiers, schemes)
    }

    @Test func allTemplatesAndElevenSamplesLoad() throws {
        let (templates, dossiers, schemes) = try Self.load()
        #expect(Set(templates.map(\.id)).isSuperset(of: ["T1", "T2", "T3", "T4", "T5", "T6a", "T6b", "T6c"]))
        #expect(dossiers.count == 11)
        #expect(Set(schemes.map(\.id)) == ["MOF_4", "PASS_4", "RIVER_4"])
        for t in templates { #expect(TemplateRules.validate(t).filter { $0.level == .error }.isEmpty, "\(t.id)") }
    }

    @Test func everyScoringMethodIsAtWork() throws {
        let (_, dossiers, _) = try Self.load()
        var used: Set<String> = []
        for d in dossiers {
            for (nodeID, _) in d.results { if let n = d.template.node(id: nodeID) { used.insert(n.method.code) } }
        }
        let all: Set<String> = ["BUDGET_EXEC", "PROP_POS", "PROP_NEG", "OVERSHOOT_CHECK", "FULL_OR_ZERO", "STEP_DEDUCT", "TIERED",
                                "PER_OCCURRENCE", "CHECKLIST", "QUAL_3LEVEL", "RANK", "MANUAL", "ADJUST"]
        #expect(all.subtracting(used).isEmpty, "methods without a sample row: \(all.subtracting(used))")
    }

    @Test(arguments: [
        ("赫山", "D-004"), ("黄土矿", "D-002"), ("黄土矿", "D-003"), ("黄土矿", "D-001"), ("黄土矿", "S-004"),
        ("岳阳县", "D-005"), ("xxx区", "S-001"), ("xxx区", "S-002"), ("xxx区", "S-003"), ("xxx区", "D-006"),
        ("漳平", "OVERSHOOT"), ("霞山", "S-006"), ("霞山", "D-001"), ("汨罗", "S-005"), ("江华", "S-002"),
    ])
    func sampleShowsItsRule(unit: String, code: String) throws {
        let (_, dossiers, schemes) = try Self.load()
        let d = try #require(dossiers.first { $0.unit.name.contains(unit) || $0.evaluation.objectName.contains(unit) })
        let scheme = try #require(schemes.first { $0.id == d.template.gradeSchemeID })
        let codes = Set(DossierScorer.score(d, scheme: scheme).messages.map(\.code))
        #expect(codes.contains(code), "\(d.unit.name): \(codes.sorted())")
    }

    @Test func heshanStaffingRowRescoresToZeroWithVerifiedActual() throws {
        let (_, dossiers, schemes) = try Self.load()
        var d = try #require(dossiers.first { $0.unit.name.contains("赫山") })
        let node = try #require(d.template.nodes.first { $0.name == "在职人员控制率" })
        var row = d.result(for: node.id)
        row.verifiedActual = ObservedValue.parse("11/10", unit: node.unitOfMeasure)
        d.results[node.id] = row
        let scored = DossierScorer.score(d, scheme: schemes[0])
        #expect(scored.rows[node.id]?.suggestion == Score.zero)
    }

    @Test func samplesRoundTripThroughExport() throws {
        let (templates, dossiers, _) = try Self.load()
        let byID = Dictionary(uniqueKeysWithValues: templates.map { ($0.id, $0) })
        let text = DossierEncoder.encode(dossiers, sharedTemplateIDs: Set(byID.keys))
        let again = try DossierDecoder.decode(Array(text.utf8), file: "all.json", templates: { byID[$0] }).dossiers
        #expect(again == dossiers)
    }
}
