/// Writes CSV that Excel and WPS open correctly with Chinese text: UTF-8 with a byte-order mark,
/// CRLF line ends, every field quoted when it holds a comma, quote or line break.
public struct CSVWriter {
    private var lines: [String] = []

    public init(header: [String]) { lines.append(Self.line(header)) }

    public mutating func addRow(_ fields: [String]) { lines.append(Self.line(fields)) }

    /// The file's bytes (BOM + rows).
    public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    /// The text without the BOM.
    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            // A leading = + - @ would be read as a formula by spreadsheet programs.
            var f = field
            if let first = f.first, "=+-@".contains(first), Double(f) == nil { f = "'" + f }
            if f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r") {
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return f
        }.joined(separator: ",")
    }
}
