/// The text of the report a dossier was made from, kept beside it (the 原文 view), with the
/// places in it that fed the scoresheet and the report's fields, and the arithmetic problems
/// found in it. It is written once, when the dossier is made from a draft, and never edited:
/// exports and offline copies carry it as it is.
///
/// ```swift
/// let source = try store.reportSource(dossierID: "SE-…")      // nil: imported from JSON, no text
/// source.spans(forRow: "T4-2.1")                               // where 预算执行's score is printed
/// source.rows(atLine: 235)                                     // rows fed by line 235 (jump back)
/// ```
public struct ReportSource: Hashable, Sendable, Codable {
    /// The file name the text was read from.
    public var file: String
    /// `text`, `html`, `docx`, `pdf`.
    public var kind: String
    public var encoding: String
    public var title: String
    /// The line number, in the file's text, of the first line of `text`; spans use file line numbers.
    public var firstLine: Int
    /// The report's lines as read from the file, unchanged.
    public var text: String
    /// SHA-256 of `text` (hex); an offline copy whose text no longer matches is refused when merged.
    public var textSHA256: String
    /// The draft the dossier was made from.
    public var draftID: String
    /// Scoresheet node id → the places that fed its stated score.
    public var rowSpans: [String: [SourceSpan]]
    /// Report field → its places: `unit`, `year`, `eval_type`, `stated_totals`, `stated_grade`,
    /// `report_date`, `basis_docs`, `stated_problems`, `stated_measures`.
    public var fieldSpans: [String: [SourceSpan]]
    /// The figures taken from the report (highlighted in the 原文 view).
    public var figures: [SourceFigure]
    /// Arithmetic that does not add up, offered as findings.
    public var suggestions: [FindingSuggestion]

    public init(file: String, kind: String, encoding: String, title: String, firstLine: Int, text: String,
                textSHA256: String, draftID: String, rowSpans: [String: [SourceSpan]] = [:],
                fieldSpans: [String: [SourceSpan]] = [:], figures: [SourceFigure] = [], suggestions: [FindingSuggestion] = []) {
        self.file = file
        self.kind = kind
        self.encoding = encoding
        self.title = title
        self.firstLine = firstLine
        self.text = text
        self.textSHA256 = textSHA256
        self.draftID = draftID
        self.rowSpans = rowSpans
        self.fieldSpans = fieldSpans
        self.figures = figures
        self.suggestions = suggestions
    }

    enum CodingKeys: String, CodingKey {
        case file, kind, encoding, title, firstLine = "first_line", text, textSHA256 = "text_sha256", draftID = "draft_id"
        case rowSpans = "row_spans", fieldSpans = "field_spans", figures, suggestions
    }

    /// The text's lines (line `firstLine + i` of the file is `lines[i]`).
    public var lines: [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// Index into `lines` of a file line number (nil outside the report).
    public func lineIndex(_ fileLine: Int) -> Int? {
        let i = fileLine - firstLine
        return i >= 0 && i < lines.count ? i : nil
    }

    /// Where a scoresheet row's values were printed (empty for rows the report does not state).
    public func spans(forRow nodeID: String) -> [SourceSpan] { rowSpans[nodeID] ?? [] }

    /// Rows whose values were printed on a line, in node id order (the jump from passage to row).
    public func rows(atLine fileLine: Int) -> [String] {
        rowSpans.filter { $0.value.contains { $0.covers(line: fileLine) } }.map(\.key).sorted()
    }

    /// Every span to highlight on a line: the rows', the figures' and the suggestions' places.
    public func highlights(onLine fileLine: Int) -> [SourceSpan] {
        var out = rowSpans.values.flatMap { $0 }.filter { $0.covers(line: fileLine) }
        out += figures.flatMap(\.spans).filter { $0.covers(line: fileLine) }
        return Array(Set(out)).sorted()
    }

    /// The text a span covers ("" outside the report).
    public func passage(_ span: SourceSpan) -> String {
        let all = lines
        var out = ""
        for line in span.line...max(span.line, span.endLine) {
            guard let i = lineIndex(line) else { continue }
            let scalars = Array(all[i].unicodeScalars)
            let from = line == span.line ? max(0, span.column - 1) : 0
            let to = line == span.endLine ? min(scalars.count, max(from, span.endColumn - 1)) : scalars.count
            if !out.isEmpty { out += "\n" }
            if from < to { out.unicodeScalars.append(contentsOf: scalars[from..<to]) }
        }
        return out
    }
}

/// A figure taken from the report, for highlighting.
public struct SourceFigure: Hashable, Sendable, Codable {
    public var label: String
    public var value: String
    public var unit: String
    public var spans: [SourceSpan]

    public init(label: String, value: String, unit: String, spans: [SourceSpan]) {
        self.label = label
        self.value = value
        self.unit = unit
        self.spans = spans
    }
}
