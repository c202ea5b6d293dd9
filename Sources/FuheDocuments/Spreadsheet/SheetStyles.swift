/// The cell formats of Fuhe's workbooks (`xl/styles.xml`): a header, text that wraps, numbers,
/// dates, percentages, each plain or marked (overdue rows), and quote-prefixed text.
enum SheetStyles {
    enum Kind: Int, CaseIterable { case text = 0, textQuoted, integer, date, percent }

    /// The header row's style index.
    static let header = 1
    /// A title line above a table (bold, no border).
    static let title = 2

    /// The style index of a cell kind, marked (filled) or not.
    static func index(_ kind: Kind, marked: Bool) -> Int { 3 + kind.rawValue * 2 + (marked ? 1 : 0) }

    static let xml: String = {
        var xfs = """
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
        <alignment horizontal="center" vertical="center" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
        """
        for kind in Kind.allCases {
            for marked in [false, true] {
                let fill = marked ? 3 : 0
                let font = marked ? 3 : 0
                let common = "fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\""
                switch kind {
                case .text:
                    xfs += "<xf numFmtId=\"49\" \(common) applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
                case .textQuoted:
                    xfs += "<xf numFmtId=\"49\" \(common) applyNumberFormat=\"1\" applyAlignment=\"1\" quotePrefix=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
                case .integer:
                    xfs += "<xf numFmtId=\"1\" \(common) applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>"
                case .date:
                    xfs += "<xf numFmtId=\"164\" \(common) applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>"
                case .percent:
                    xfs += "<xf numFmtId=\"10\" \(common) applyNumberFormat=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"top\"/></xf>"
                }
            }
        }
        let count = 3 + Kind.allCases.count * 2
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="4"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>\
        <font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>\
        <font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font>\
        <font><sz val="11"/><color rgb="FF9C0006"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>\
        <fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>\
        <borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
        <border><left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right>\
        <top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="\(count)">\(xfs)</cellXfs>\
        <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>\
        <dxfs count="0"/><tableStyles count="0"/></styleSheet>
        """
    }()
}
