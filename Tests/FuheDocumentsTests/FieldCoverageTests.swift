import Foundation
import Testing
import FuheApp
import FuheCore
import FuheStore
import FuheTestSupport
@testable import FuheDocuments

/// Every field a document declares is filled, nothing undeclared is filled, and the bundled
/// templates use only declared fields (so docs/reports.md, which lists the declarations, is
/// the truth for template authors).
@Suite struct FieldCoverageTests {
    private func check(_ record: TemplateRecord, _ schema: FieldSchema, path: String = "") -> [String] {
        var problems: [String] = []
        let declared = Set(schema.fields.map(\.name))
        for key in record.values.keys where !declared.contains(key) { problems.append("\(path)\(key) filled but not declared") }
        for field in schema.fields {
            guard let value = record[field.name] else { problems.append("\(path)\(field.name) declared but not filled"); continue }
            switch (field.kind, value) {
            case (.text, .text), (.flag, .flag), (.chart, .chart): break
            case (.list(let item), .list(let records)):
                for r in records.prefix(3) { problems += check(r, item, path: "\(path)\(field.name) › ") }
            default: problems.append("\(path)\(field.name) has the wrong kind of value")
            }
        }
        return problems
    }

    @Test func everyDeclaredFieldIsFilledForTheSamples() throws {
        let sample = try SampleStore()
        defer { sample.remove() }
        let store = sample.store
        let writer = ReportWriter(store: store, folder: sample.directory)
        for id in try store.dossierIDs() {
            let d = try store.dossier(id: id)
            #expect(check(try writer.record(.reviewOpinion, dossier: d), ReviewOpinionContent.schema) == [], "\(id)")
            if !RectificationNoticeContent.openItems(d).isEmpty {
                #expect(check(try writer.record(.rectificationNotice, dossier: d), RectificationNoticeContent.schema) == [], "\(id)")
            }
        }
        let cycle = try CycleReportMaker.record(store: store, filter: .all, year: nil, issuer: nil, filterText: "")
        #expect(check(cycle.record, CycleReportContent.schema) == [])
    }

    @Test func bundledTemplatesCompileAndUseOnlyDeclaredFields() throws {
        for kind in DocumentKind.allCases {
            _ = try kind.bundledTemplate()  // compiles and validates against the schema
        }
    }
}
