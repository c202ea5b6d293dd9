import Foundation
import Testing
import FuheDocuments

/// docs/reports.md lists exactly the fields of every document (FUHE_RECORD=1 rewrites the tables).
@Test func reportsDocListsEveryField() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("docs/reports.md")
    var doc = try String(contentsOf: url, encoding: .utf8)
    for kind in DocumentKind.allCases {
        let begin = "<!-- fields:\(kind.rawValue):begin (generated from the document's fields; a test checks it) -->\n"
        let end = "<!-- fields:\(kind.rawValue):end -->"
        let start = try #require(doc.range(of: begin)?.upperBound, "\(kind.rawValue) begin marker")
        let stop = try #require(doc.range(of: end)?.lowerBound, "\(kind.rawValue) end marker")
        let table = FieldList.markdownTable(kind.schema)
        if ProcessInfo.processInfo.environment["FUHE_RECORD"] == "1" {
            doc = String(doc[..<start]) + table + String(doc[stop...])
        } else {
            #expect(String(doc[start..<stop]) == table, "\(kind.rawValue)")
        }
    }
    if ProcessInfo.processInfo.environment["FUHE_RECORD"] == "1" { try doc.write(to: url, atomically: true, encoding: .utf8) }
}
