import Foundation
import FuheCore

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

    /// A cell as a spreadsheet will take it as text: a leading `'` when `FormulaTrigger` says the
    /// spreadsheet would run it (FuheCore holds the rule).
    ///
    /// `CSVWriter.neutralised("=1+1") // "'=1+1"` — `CSVWriter.neutralised("-2.5") // "-2.5"`
    public static func neutralised(_ field: String) -> String {
        FormulaTrigger.triggers(field) ? "'" + field : field
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
