import Foundation
import Testing
@testable import FuheUI

/// docs/workstation.md lists exactly the keys of the command registry (FUHE_RECORD=1 rewrites it).
@Test func workstationDocMatchesTheRegistry() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("docs/workstation.md")
    let doc = try String(contentsOf: url, encoding: .utf8)
    let begin = "<!-- keys:begin (generated from CommandRegistry; a test checks it) -->\n"
    let end = "<!-- keys:end -->"
    let start = try #require(doc.range(of: begin)?.upperBound)
    let stop = try #require(doc.range(of: end)?.lowerBound)
    if ProcessInfo.processInfo.environment["FUHE_RECORD"] == "1" {
        try (String(doc[..<start]) + CommandRegistry.markdownTable() + String(doc[stop...])).write(to: url, atomically: true, encoding: .utf8)
        return
    }
    #expect(String(doc[start..<stop]) == CommandRegistry.markdownTable())
}
