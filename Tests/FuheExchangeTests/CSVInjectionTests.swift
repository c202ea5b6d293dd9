import Testing
@testable import FuheExchange

/// Ledger cells a spreadsheet could run as formulas are neutralised (repro 06).
@Suite struct CSVInjectionTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3+cmd", "'-2+3+cmd"), ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), ("\n=1+1", "'\n=1+1"),
        // One Character, two code points: `first` saw "=\u{301}", not "=".
        ("=\u{301}cmd|' /C calc'!A0", "'=\u{301}cmd|' /C calc'!A0"), ("=\u{FE0F}1+1", "'=\u{FE0F}1+1"),
        ("-inf", "'-inf"), ("+0x1p3", "'+0x1p3"),
        ("-3", "-3"), ("+2.50", "+2.50"), ("-0.5", "-0.5"), ("整改措施", "整改措施"), ("1=1", "1=1"), ("", ""),
    ])
    func cellsAreNeutralised(cell: String, expected: String) {
        #expect(CSVWriter.neutralised(cell) == expected)
    }

    @Test func aNeutralisedCellIsStillQuotedWhenItNeedsToBe() {
        var w = CSVWriter(header: ["a", "b"])
        w.addRow(["\r=1+1", "=HYPERLINK(\"http://x\",\"点\")"])
        #expect(w.text.hasSuffix("\"'\r=1+1\",\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\"\r\n"))
    }
}
