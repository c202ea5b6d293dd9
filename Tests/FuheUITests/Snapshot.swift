import Foundation
import Testing

/// Compares text with `Snapshots/<name>.txt` beside this file. A missing snapshot is written (and
/// the test fails so the new file gets reviewed); set FUHE_RECORD=1 to rewrite them all.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let url = dir.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["FUHE_RECORD"] == "1"
    if !record, let expected = try? String(contentsOf: url, encoding: .utf8) {
        if expected != text + "\n" {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            Issue.record("snapshot \(name) differs at line \(firstDiff + 1):\nexpected: \(firstDiff < e.count ? String(e[firstDiff]) : "<end>")\nactual:   \(firstDiff < a.count ? String(a[firstDiff]) : "<end>")",
                         sourceLocation: sourceLocation)
        }
        return
    }
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
    if !record { Issue.record("snapshot \(name) was missing and has been recorded; review it", sourceLocation: sourceLocation) }
}
