/// A place in a report's text: from (`line`, `column`) up to, not including, (`endLine`,
/// `endColumn`). Lines and columns count from 1; columns count Unicode scalars (a Chinese
/// character is one column here — a screen converts to display width itself). Lines are those
/// of the text as read from the file (after HTML/DOCX/PDF extraction), before any cleaning.
///
/// ```swift
/// SourceSpan(line: 91, column: 12, endLine: 91, endColumn: 19)  // "3456.09" on line 91
/// ```
public struct SourceSpan: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    /// A span within one line.
    public init(line: Int, column: Int, length: Int) {
        self.init(line: line, column: column, endLine: line, endColumn: column + length)
    }

    enum CodingKeys: String, CodingKey {
        case line, column, endLine = "end_line", endColumn = "end_column"
    }

    public static func < (a: SourceSpan, b: SourceSpan) -> Bool {
        (a.line, a.column, a.endLine, a.endColumn) < (b.line, b.column, b.endLine, b.endColumn)
    }

    /// "91:12–19" or "101:3–103:8".
    public var description: String {
        endLine == line ? "\(line):\(column)–\(endColumn)" : "\(line):\(column)–\(endLine):\(endColumn)"
    }

    /// The span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        let start = min(self, other)
        let endA = (endLine, endColumn), endB = (other.endLine, other.endColumn)
        let end = endA > endB ? endA : endB
        return SourceSpan(line: start.line, column: start.column, endLine: end.0, endColumn: end.1)
    }

    /// Whether the span touches `line`.
    public func covers(line l: Int) -> Bool { l >= line && l <= endLine }

    /// The same span with its lines shifted by `delta`.
    public func shifted(lines delta: Int) -> SourceSpan {
        SourceSpan(line: line + delta, column: column, endLine: endLine + delta, endColumn: endColumn)
    }
}
