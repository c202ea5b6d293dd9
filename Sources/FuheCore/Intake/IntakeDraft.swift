/// One report read from a file, as proposed values awaiting the reviewer's confirmation
/// (`fuhe.draft/1`, docs/intake.md). Every value keeps the places in the text it came from;
/// nothing the report does not print is filled in (an unprinted weight stays nil and is marked
/// missing, "20xx" stays an unknown year).
public struct IntakeDraft: Hashable, Sendable, Codable, Identifiable {
    public static let format = "fuhe.draft/1"

    public var format: String = IntakeDraft.format
    /// Stable id: a digest of the file's text and the report's place in it.
    public var id: String
    public var source: DraftSource
    /// 被评价单位 as printed.
    public var unit: DraftValue
    /// Evaluated year, four digits; nil with `printed` "20xx" when the report hides it.
    public var year: DraftValue
    /// PROJECT, DEPT_OVERALL or SPECIAL_FUND.
    public var evalType: DraftValue
    /// Id of the proposed template (nil: none fits).
    public var template: DraftValue
    /// How well the proposed template fits, "0.00"–"1.00".
    public var templateFit: String?
    /// Every template considered, best first.
    public var templateCandidates: [TemplateCandidate]
    public var basisDocs: [DraftText]
    /// YYYY-MM-DD; `printed` keeps forms such as "2021420".
    public var reportDate: DraftValue
    /// Every total the report states, in order (some state two).
    public var totals: [DraftItemValue]
    /// 评价等次 as printed, folded to simplified characters (優 → 优).
    public var grade: DraftValue
    public var indicators: [DraftIndicator]
    public var figures: [DraftFigure]
    public var problems: [DraftText]
    public var measures: [DraftText]
    public var checks: [DraftCheck]
    /// Things the reader wants the reviewer to know (unreadable text, guesses it refused to make).
    public var notes: [DraftNote]

    public init(id: String, source: DraftSource, unit: DraftValue = DraftValue(), year: DraftValue = DraftValue(),
                evalType: DraftValue = DraftValue(), template: DraftValue = DraftValue(), templateFit: String? = nil,
                templateCandidates: [TemplateCandidate] = [], basisDocs: [DraftText] = [], reportDate: DraftValue = DraftValue(),
                totals: [DraftItemValue] = [], grade: DraftValue = DraftValue(), indicators: [DraftIndicator] = [],
                figures: [DraftFigure] = [], problems: [DraftText] = [], measures: [DraftText] = [],
                checks: [DraftCheck] = [], notes: [DraftNote] = []) {
        self.id = id
        self.source = source
        self.unit = unit
        self.year = year
        self.evalType = evalType
        self.template = template
        self.templateFit = templateFit
        self.templateCandidates = templateCandidates
        self.basisDocs = basisDocs
        self.reportDate = reportDate
        self.totals = totals
        self.grade = grade
        self.indicators = indicators
        self.figures = figures
        self.problems = problems
        self.measures = measures
        self.checks = checks
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case format, id, source, unit, year, evalType = "eval_type", template, templateFit = "template_fit"
        case templateCandidates = "template_candidates", basisDocs = "basis_docs", reportDate = "report_date"
        case totals, grade, indicators, figures, problems, measures, checks, notes
    }
}

/// Where a draft's report came from, and its text.
public struct DraftSource: Hashable, Sendable, Codable {
    /// The file name as given (no folders).
    public var file: String
    /// `text`, `html`, `docx` or `pdf`.
    public var kind: String
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GB18030` …
    public var encoding: String
    /// 1-based position of the report in the file, and how many the file held.
    public var reportIndex: Int
    public var reportCount: Int
    /// The report's title line as printed.
    public var title: String
    /// First and last line of the report in the text read from the file.
    public var firstLine: Int
    public var lastLine: Int
    /// Lines `firstLine`…`lastLine` of the text read from the file, unchanged.
    public var text: String
    /// FNV-1a 64-bit digest of `text` (UTF-8), hex: names the text in draft ids (the store keeps
    /// a SHA-256 of it once a dossier is made).
    public var textDigest: String
    /// What cleaning did, in Chinese ("去除拼音注音 12 处").
    public var cleaning: [String]

    public init(file: String, kind: String, encoding: String, reportIndex: Int = 1, reportCount: Int = 1, title: String = "",
                firstLine: Int = 1, lastLine: Int = 1, text: String, textDigest: String, cleaning: [String] = []) {
        self.file = file
        self.kind = kind
        self.encoding = encoding
        self.reportIndex = reportIndex
        self.reportCount = reportCount
        self.title = title
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.text = text
        self.textDigest = textDigest
        self.cleaning = cleaning
    }

    enum CodingKeys: String, CodingKey {
        case file, kind, encoding, reportIndex = "report_index", reportCount = "report_count", title
        case firstLine = "first_line", lastLine = "last_line", text, textDigest = "text_digest", cleaning
    }
}

/// A proposed single value with its source and the reviewer's decision.
public struct DraftValue: Hashable, Sendable, Codable {
    /// The proposal, normalised ("2020", "DEPT_OVERALL", "2021-04-20"); nil when not found.
    public var value: String?
    /// The text as printed, when it differs from `value` ("20xx", "2021420", "優").
    public var printed: String?
    /// Why the value is what it is, in Chinese.
    public var note: String?
    public var spans: [SourceSpan]
    public var decision: DraftDecision

    public init(value: String? = nil, printed: String? = nil, note: String? = nil, spans: [SourceSpan] = [],
                decision: DraftDecision = .pending) {
        self.value = value
        self.printed = printed
        self.note = note
        self.spans = spans
        self.decision = decision
    }

    /// The value the dossier gets: the correction, the proposal, or nil when marked absent.
    public var effective: String? {
        decision.applied(to: value)
    }
}

/// A proposed value that is one of several (a stated total).
public struct DraftItemValue: Hashable, Sendable, Codable, Identifiable {
    /// `total.1`, `total.2` …
    public var id: String
    public var value: String
    public var spans: [SourceSpan]
    public var decision: DraftDecision

    public init(id: String, value: String, spans: [SourceSpan], decision: DraftDecision = .pending) {
        self.id = id
        self.value = value
        self.spans = spans
        self.decision = decision
    }

    public var effective: String? {
        decision.applied(to: value)
    }
}

/// A template considered for the report, with how well it fits and why.
public struct TemplateCandidate: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var fit: String
    /// "3/3 个自评指标对应；分值一致 3/3；评价类型一致".
    public var reason: String

    public init(id: String, name: String, fit: String, reason: String) {
        self.id = id
        self.name = name
        self.fit = fit
        self.reason = reason
    }
}

/// A passage of text: a basis document, a problem, a measure.
public struct DraftText: Hashable, Sendable, Codable, Identifiable {
    /// `basis.1`, `problem.3`, `measure.2` …
    public var id: String
    public var text: String
    public var spans: [SourceSpan]
    public var decision: DraftDecision

    public init(id: String, text: String, spans: [SourceSpan], decision: DraftDecision = .pending) {
        self.id = id
        self.text = text
        self.spans = spans
        self.decision = decision
    }

    public var effective: String? {
        decision.applied(to: text)
    }
}

/// A note from the reader to the reviewer.
public struct DraftNote: Hashable, Sendable, Codable {
    public var message: String
    public var spans: [SourceSpan]

    public init(_ message: String, spans: [SourceSpan] = []) {
        self.message = message
        self.spans = spans
    }
}

extension DraftSource {
    /// The text a span covers (spans use the file's line numbers; `text` starts at `firstLine`).
    public func passage(_ span: SourceSpan) -> String {
        ReportSource(file: file, kind: kind, encoding: encoding, title: title, firstLine: firstLine, text: text,
                     textSHA256: "", draftID: "").passage(span)
    }
}
