import Foundation

/// An XLSX workbook of `SheetWriter` sheets sharing one string table, written as SpreadsheetML
/// by hand (no spreadsheet library): workbook, styles, shared strings, sheets, the autofilter's
/// and the print titles' defined names.
struct Workbook {
    let strings = SharedStrings()
    var sheets: [(writer: SheetWriter, autoFilter: Bool)] = []

    /// The package's entries.
    func entries(title: String) -> [(name: String, chunks: [[UInt8]])] {
        var out: [(String, [[UInt8]])] = []
        let sheetOverrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        out.append(("[Content_Types].xml", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        \(sheetOverrides)\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """.utf8)]))
        out.append(("_rels/.rels", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """.utf8)]))
        out.append(("docProps/app.xml", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Fuhe 复核</Application></Properties>
        """.utf8)]))
        out.append(("docProps/core.xml", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLText.escaped(title))</dc:title><dc:creator>Fuhe 复核</dc:creator></cp:coreProperties>
        """.utf8)]))
        var sheetList = "", names = "", rels = ""
        for (i, sheet) in sheets.enumerated() {
            let quoted = "'" + sheet.writer.name.replacingOccurrences(of: "'", with: "''") + "'"
            sheetList += "<sheet name=\"\(XMLText.escaped(sheet.writer.name))\" sheetId=\"\(i + 1)\" r:id=\"rIdSheet\(i + 1)\"/>"
            if sheet.autoFilter {
                let last = sheet.writer.lastCell.drop { $0.isLetter }
                let column = SheetWriter.columnName(sheet.writer.columns.count - 1)
                names += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                    + XMLText.escaped("\(quoted)!$A$1:$\(column)$\(last)") + "</definedName>"
            }
            names += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">" + XMLText.escaped("\(quoted)!$1:$1") + "</definedName>"
            rels += "<Relationship Id=\"rIdSheet\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        out.append(("xl/workbook.xml", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <bookViews><workbookView activeTab="0"/></bookViews><sheets>\(sheetList)</sheets><definedNames>\(names)</definedNames>\
        <calcPr calcId="191029"/></workbook>
        """.utf8)]))
        out.append(("xl/_rels/workbook.xml.rels", [Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)\
        <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """.utf8)]))
        out.append(("xl/styles.xml", [Array(SheetStyles.xml.utf8)]))
        for (i, sheet) in sheets.enumerated() {
            out.append(("xl/worksheets/sheet\(i + 1).xml", sheet.writer.xml(autoFilter: sheet.autoFilter, selected: i == 0)))
        }
        out.append(("xl/sharedStrings.xml", [strings.xml]))
        return out
    }

    /// Writes the workbook as an .xlsx into `url` (see `ZipIO.write`).
    func write(to url: URL, title: String) throws { try ZipIO.write(entries(title: title), to: url) }
}
