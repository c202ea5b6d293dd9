/// The CSV-injection rule, in one place: text a spreadsheet (Excel, WPS, LibreOffice) would run as a
/// formula or command when it is typed or imported. The ledger CSV prefixes such a cell with `'`;
/// the XLSX ledger marks it "quote prefix".
///
/// A cell triggers when its **first code point** is `=`, `+`, `-`, `@`, TAB, CR or LF — the first
/// code point, not the first character, so `=` followed by a combining mark or a variation
/// selector (one Swift character) triggers too — unless it is a plain number such as `-3` or
/// `+2.50` (`-inf` and `+0x1p3` are not plain numbers).
///
/// `FormulaTrigger.triggers("=1+1") // true` — `FormulaTrigger.triggers("-2.5") // false`
public enum FormulaTrigger {
    public static func triggers(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return false }
        return !isPlainNumber(text)
    }

    /// `[+-]digits[.digits]`, nothing else.
    public static func isPlainNumber(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if let sign = utf8.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        let parts = utf8.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }
    }
}
