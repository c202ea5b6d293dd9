/// A score the report states for an indicator, mapped (by name) to a node of the proposed template.
public struct DraftIndicator: Hashable, Sendable, Codable, Identifiable {
    /// How the printed name was matched to the node.
    public enum Match: String, Hashable, Sendable, Codable {
        /// Same name (simplified and traditional alike).
        case exact
        /// The printed text contains the node's name, or the name contains the printed abbreviation.
        case contains
        /// Similar enough (shared character pairs).
        case fuzzy
        /// Chosen by the reviewer.
        case chosen
        /// No node fits.
        case none
    }

    /// `indicator.1` …
    public var id: String
    /// The indicator's name as printed (without its score).
    public var label: String
    /// The heading it appears under, as printed ("预算执行"), when there is one.
    public var parentLabel: String?
    /// Code of the template node ("2.1.1"), nil when unmapped.
    public var node: String?
    public var nodeName: String?
    public var match: Match
    /// "0.00"–"1.00".
    public var similarity: String
    /// 自评得分 as printed; nil when the report prints only a weight.
    public var score: String?
    /// 分值 as printed; nil when the report does not print it (never taken from the template).
    public var weight: String?
    /// True when the report prints no weight for this indicator.
    public var weightMissing: Bool
    public var spans: [SourceSpan]
    /// The reviewer's decision on the stated score.
    public var decision: DraftDecision

    public init(id: String, label: String, parentLabel: String? = nil, node: String? = nil, nodeName: String? = nil,
                match: Match = .none, similarity: String = "0.00", score: String? = nil, weight: String? = nil,
                spans: [SourceSpan] = [], decision: DraftDecision = .pending) {
        self.id = id
        self.label = label
        self.parentLabel = parentLabel
        self.node = node
        self.nodeName = nodeName
        self.match = match
        self.similarity = similarity
        self.score = score
        self.weight = weight
        self.weightMissing = weight == nil
        self.spans = spans
        self.decision = decision
    }

    enum CodingKeys: String, CodingKey {
        case id, label, parentLabel = "parent_label", node, nodeName = "node_name", match, similarity, score, weight
        case weightMissing = "weight_missing", spans, decision
    }

    /// The score the dossier gets (correction, proposal, or nil when marked absent).
    public var effectiveScore: String? {
        decision.applied(to: score)
    }
}

/// A figure the report prints, with its label as printed.
public struct DraftFigure: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// An amount of money.
        case money
        /// A percentage about the budget or its execution.
        case percent
        /// A headcount (编制, 实有).
        case staffing
    }

    /// `figure.1` …
    public var id: String
    public var kind: Kind
    /// The words before the number as printed ("预算收入", "公务接待费·年初预算数" for a table cell).
    public var label: String
    /// The number as printed, without grouping ("682.1442").
    public var value: String
    /// 万元, 元, 亿元, %, 人, 名.
    public var unit: String
    /// The heading the figure appears under.
    public var section: String?
    public var spans: [SourceSpan]
    public var decision: DraftDecision

    public init(id: String, kind: Kind, label: String, value: String, unit: String, section: String? = nil,
                spans: [SourceSpan], decision: DraftDecision = .pending) {
        self.id = id
        self.kind = kind
        self.label = label
        self.value = value
        self.unit = unit
        self.section = section
        self.spans = spans
        self.decision = decision
    }

    /// The value the dossier gets.
    public var effective: String? {
        decision.applied(to: value)
    }
}
