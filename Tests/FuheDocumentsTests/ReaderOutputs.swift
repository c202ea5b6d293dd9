import Foundation
import FuheFiles
import Synchronization
import FuheApp
import FuheCore
import FuheDocuments
import FuheStore
import FuheTestSupport

/// Every document kind written from the sample store — by the bundled templates and by bureau
/// templates — plus the ledger workbook and a workbook of hostile text, then opened by
/// LibreOffice once (one run to PDF, one to CSV) and read back with pdftotext. Built once for the
/// suite; the PDFs and PNG pages stay in `folder` while the process runs.
struct ReaderOutputs: Sendable {
    let folder: URL
    /// pdftotext -raw of each document (the order LibreOffice drew it), by file stem.
    let text: [String: String]
    /// pdftotext -layout, by file stem.
    let layout: [String: String]
    let pages: [String: Int]
    let fonts: [String: [String]]
    /// LibreOffice's CSV of each sheet, by "stem-sheet".
    let csv: [String: String]
    /// Dossiers and figures the checks compare with (from the store and the engine).
    let dossiers: [String: Dossier]
    let scored: [String: ScoredDossier]
    let ledgerRows: [LedgerRow]
    let units: [UnitSummary]
    let today: CalendarDay

    static let shared: Result<ReaderOutputs, any Error> = Result { try make() }

    /// The folder to remove when the test process ends (kept with FUHE_KEEP_DOCS=1, to look at the PNG pages).
    private static let made = Mutex<URL?>(nil)

    static let heshan = "SE-HS-ZWZX-2021", yizhang = "SE-YZ-2019", fupin = "SE-XXQ-FP-2019", yueyang = "SE-YYX-TZGZ-2021"

    /// Hostile texts for the spreadsheet: each must come back as the same text.
    static let hostile = ["=1+1", "+8613800000000", "-5分", "@SUM(A1:A2)", "\tTAB开头", "=HYPERLINK(\"http://x\",\"点我\")"]

    private static func make() throws -> ReaderOutputs {
        let sample = try SampleStore()
        defer { sample.remove() }
        let store = sample.store
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["FUHE_KEEP_DOCS"] == "1" {
            FileHandle.standardError.write(Data("documents and their PNG pages: \(folder.path)\n".utf8))
        } else {
            made.withLock { $0 = folder }
            atexit { if let f = ReaderOutputs.made.withLock({ $0 }) { try? FileManager.default.removeItem(at: f) } }
        }
        let writer = ReportWriter(store: store, folder: folder)
        var docs: [URL] = []
        func write(_ kind: DocumentKind, _ id: String, _ stem: String, with w: ReportWriter = writer) throws {
            let url = folder.appendingPathComponent(stem + ".docx")
            try w.write(kind, dossierID: id, to: url, force: false)
            docs.append(url)
        }
        try write(.reviewOpinion, heshan, "review-heshan")
        try write(.reviewOpinion, yizhang, "review-yizhang")
        try write(.reviewOpinion, fupin, "review-fupin")
        try write(.rectificationNotice, heshan, "notice-heshan")
        try write(.rectificationNotice, yueyang, "notice-yueyang")
        let cycle = try CycleReportMaker.record(store: store, filter: .all, year: nil, issuer: nil, filterText: "")
        let cycleURL = folder.appendingPathComponent("cycle.docx")
        try DocumentWriter.write(try DocumentKind.cycleReport.bundledTemplate(), cycle.record, to: cycleURL, force: false)
        docs.append(cycleURL)

        // The same documents through bureau templates.
        var bureau = writer
        for kind in DocumentKind.allCases {
            let file = folder.appendingPathComponent("bureau-template-\(kind.command).docx")
            try BureauTemplates.write(kind, to: file)
            bureau.templateFiles[kind] = file
        }
        try write(.reviewOpinion, heshan, "bureau-review-heshan", with: bureau)
        try write(.reviewOpinion, yizhang, "bureau-review-yizhang", with: bureau)
        try write(.rectificationNotice, heshan, "bureau-notice-heshan", with: bureau)
        let bureauCycle = folder.appendingPathComponent("bureau-cycle.docx")
        try DocumentWriter.write(try DocumentKind.cycleReport.template(file: folder.appendingPathComponent("bureau-template-cycle.docx")),
                                 cycle.record, to: bureauCycle, force: false)
        docs.append(bureauCycle)

        // Workbooks.
        let ids = try store.dossierIDs()
        let rows = LedgerRow.rows(try store.followUps(dossierIDs: ids), today: store.today)
        let ledger = folder.appendingPathComponent("ledger.xlsx")
        try OutputFile.write(to: ledger, force: false) { try LedgerWorkbook.write(rows, today: store.today, to: $0) }
        let hostileURL = folder.appendingPathComponent("hostile.xlsx")
        var hostileRows = Array(rows.prefix(hostile.count))
        for i in hostileRows.indices {
            hostileRows[i].measure = hostile[i]
            hostileRows[i].respPerson = hostile[hostile.count - 1 - i]
        }
        try LedgerWorkbook.write(hostileRows, today: store.today, to: hostileURL)

        let pdfs = folder.appendingPathComponent("pdf")
        try OfficeReader.convert(docs + [ledger], to: "pdf", outdir: pdfs)
        let csvs = folder.appendingPathComponent("csv")
        try OfficeReader.convert([ledger, hostileURL], to: OfficeReader.csvAllSheets, outdir: csvs)

        var text: [String: String] = [:], layout: [String: String] = [:], pages: [String: Int] = [:], fonts: [String: [String]] = [:]
        for url in docs + [ledger] {
            let stem = url.deletingPathExtension().lastPathComponent
            let pdf = pdfs.appendingPathComponent(stem + ".pdf")
            text[stem] = try OfficeReader.pdfText(pdf)
            layout[stem] = try OfficeReader.pdfText(pdf, order: .layout)
            pages[stem] = try OfficeReader.pageCount(pdf)
            fonts[stem] = try OfficeReader.fonts(pdf)
            try OfficeReader.renderPages(pdf, prefix: pdfs.appendingPathComponent(stem))
        }
        var csv: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: csvs.path) where name.hasSuffix(".csv") {
            csv[String(name.dropLast(4))] = try String(contentsOf: csvs.appendingPathComponent(name), encoding: .utf8)
        }
        var dossiers: [String: Dossier] = [:], scored: [String: ScoredDossier] = [:]
        let schemes = try store.gradeSchemes()
        for id in ids {
            let d = try store.dossier(id: id)
            dossiers[id] = d
            scored[id] = DossierScorer.score(d, scheme: schemes[d.template.gradeSchemeID] ?? .mof4)
        }
        return ReaderOutputs(folder: folder, text: text, layout: layout, pages: pages, fonts: fonts, csv: csv, dossiers: dossiers,
                             scored: scored, ledgerRows: rows, units: try store.unitList(), today: store.today)
    }

    /// The text with all white space removed (pdftotext breaks lines inside table cells and puts
    /// spaces between Chinese and Latin text).
    static func squeezed(_ text: String) -> String { String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }

    /// The text without the page numbers LibreOffice draws between pages ("— 2 —"), which split
    /// paragraphs and table rows that run over a page.
    static func withoutPageNumbers(_ text: String) -> String {
        text.replacingOccurrences(of: "\n— [0-9]+ —\n", with: "\n", options: .regularExpression)
    }

    /// The first of `expected` (in order) that is not found after the previous one, or nil when
    /// all appear in this order.
    /// `ignoring`: texts removed first (a table header repeated inside a row split by a page).
    static func firstMissing(_ expected: [String], in text: String, ignoring: [String] = []) -> String? {
        var plain = squeezed(withoutPageNumbers(text))
        for noise in ignoring { plain = plain.replacingOccurrences(of: squeezed(noise), with: "") }
        let hay = Array(plain.unicodeScalars)
        var from = 0
        for item in expected {
            let needle = Array(squeezed(item).unicodeScalars)
            guard !needle.isEmpty else { continue }
            guard let at = find(needle, in: hay, from: from) else {
                let found = find(needle, in: hay, from: 0) != nil ? "（出现了，但顺序不对）" : "（没有出现）"
                let context = String(String.UnicodeScalarView(hay[from..<min(hay.count, from + 80)]))
                return item + found + " 上一处之后是：" + context
            }
            from = at + needle.count
        }
        return nil
    }

    private static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = from
        while i + needle.count <= hay.count {
            if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
