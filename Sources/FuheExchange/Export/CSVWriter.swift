import Foundation

/// Writes CSV that Excel and WPS open correctly with Chinese text: UTF-8 with a byte-order mark,
/// CRLF line ends, every field quoted when it holds a comma, quote or line break, and every cell
/// a spreadsheet could run as a formula neutralised (``neutralised(_:)``).
public struct CSVWriter {
    private var lines: [String] = []

    public init(header: [String]) { lines.append(Self.line(header)) }

    public mutating func addRow(_ fields: [String]) { lines.append(Self.line(fields)) }

    /// The file's bytes (BOM + rows).
    public var bytes: [UInt8] { [0xEF, 0xBB, 0xBF] + Array(text.utf8) }

    /// The text without the BOM.
    public var text: String { lines.map { $0 + "\r\n" }.joined() }

    /// A cell as a spreadsheet will take it as text (the usual CSV-injection rules): a cell whose
    /// first code point is `=`, `+`, `-`, `@`, TAB, CR or LF gets a leading `'` — whatever
    /// follows, so `=` with a combining mark (one character, two code points) is caught too —
    /// unless the cell is a plain number such as `-3` or `+2.50`.
    ///
    /// `CSVWriter.neutralised("=1+1") // "'=1+1"` — `CSVWriter.neutralised("-2.5") // "-2.5"`
    public static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first), !isPlainNumber(field) else { return field }
        return "'" + field
    }

    /// `[+-]digits[.digits]`, nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if let sign = utf8.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        let parts = utf8.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            let f = neutralised(field)
            if f.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return f
        }.joined(separator: ",")
    }
}
