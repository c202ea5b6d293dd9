import Foundation

/// One indicator (指标) of a template: a node of the indicator tree with its weight, score range
/// and scoring method.
public struct IndicatorNode: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var parentID: String?
    /// Dotted code, unique within the template ("2.1.3").
    public var code: String
    /// 1 for roots; child level = parent level + 1.
    public var level: Int
    public var name: String
    public var kind: NodeKind
    /// 分值. BASE: > 0, children sum to it. ADJUST/TRIAL: 0.
    public var weight: Score
    public var minScore: Score
    public var maxScore: Score
    public var method: ScoringMethod
    public var direction: Direction
    public var unitOfMeasure: String
    public var isCommon: Bool
    public var definition: String
    public var formulaText: String
    public var standardText: String
    public var evidenceHint: String

    public init(id: String, parentID: String?, code: String, level: Int, name: String, kind: NodeKind = .base,
                weight: Score, minScore: Score = .zero, maxScore: Score? = nil, method: ScoringMethod = .manual,
                direction: Direction = .qualitative, unitOfMeasure: String = "", isCommon: Bool = true,
                definition: String = "", formulaText: String = "", standardText: String = "", evidenceHint: String = "") {
        self.id = id
        self.parentID = parentID
        self.code = code
        self.level = level
        self.name = name
        self.kind = kind
        self.weight = weight
        self.minScore = minScore
        self.maxScore = maxScore ?? weight
        self.method = method
        self.direction = direction
        self.unitOfMeasure = unitOfMeasure
        self.isCommon = isCommon
        self.definition = definition
        self.formulaText = formulaText
        self.standardText = standardText
        self.evidenceHint = evidenceHint
    }
}

/// 指标体系模板: an ordered indicator tree plus totals, caps and the grade scheme.
/// `nodes` are in pre-order (each parent before its children, siblings in display order).
public struct IndicatorTemplate: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var name: String
    public var version: String
    public var evalType: EvalType
    public var source: String
    /// Normally 100.00.
    public var baseTotal: Score
    /// nil = the total may exceed the base (D0#1: 101 stated and accepted).
    public var totalCap: Score?
    /// Limits on the sum of all ADJUST nodes (nil = the sum of their own limits).
    public var maxBonusTotal: Score?
    public var maxPenaltyTotal: Score?
    public var gradeSchemeID: String
    /// Template this one was derived from (a project's own indicators on the T1 frame).
    public var basedOn: String?
    public var nodes: [IndicatorNode]

    public init(id: String, name: String, version: String = "1", evalType: EvalType, source: String = "",
                baseTotal: Score = Score(hundredths: 10_000), totalCap: Score? = Score(hundredths: 10_000),
                maxBonusTotal: Score? = nil, maxPenaltyTotal: Score? = nil, gradeSchemeID: String = "MOF_4",
                basedOn: String? = nil, nodes: [IndicatorNode]) {
        self.id = id
        self.name = name
        self.version = version
        self.evalType = evalType
        self.source = source
        self.baseTotal = baseTotal
        self.totalCap = totalCap
        self.maxBonusTotal = maxBonusTotal
        self.maxPenaltyTotal = maxPenaltyTotal
        self.gradeSchemeID = gradeSchemeID
        self.basedOn = basedOn
        self.nodes = nodes
    }

    /// Node by id.
    public func node(id: String) -> IndicatorNode? { nodes.first { $0.id == id } }

    /// Node by dotted code.
    public func node(code: String) -> IndicatorNode? { nodes.first { $0.code == code } }

    /// Direct children of a node (nil = roots), in order.
    public func children(of parentID: String?) -> [IndicatorNode] { nodes.filter { $0.parentID == parentID } }

    /// Ids of nodes that have children.
    public var parentIDs: Set<String> { Set(nodes.compactMap(\.parentID)) }

    /// Leaves that carry a score (BASE or ADJUST, not TRIAL).
    public var scorableLeaves: [IndicatorNode] {
        let parents = parentIDs
        return nodes.filter { !parents.contains($0.id) && $0.kind != .trial }
    }
}

/// One band of a grade scheme; a total belongs to the band with the highest `minimum` ≤ total.
public struct GradeBand: Hashable, Sendable, Codable {
    /// A / B / C / D.
    public var code: String
    /// 优 / 良 / 中 / 差, or the scheme's own words.
    public var label: String
    /// Lower edge, inclusive.
    public var minimum: Score

    public init(code: String, label: String, minimum: Score) {
        self.code = code
        self.label = label
        self.minimum = minimum
    }
}

/// 评价等次 scheme (spec §3.6), loaded as data.
public struct GradeScheme: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var bands: [GradeBand]

    public init(id: String, name: String, bands: [GradeBand]) {
        self.id = id
        self.name = name
        self.bands = bands.sorted { $0.minimum > $1.minimum }
    }

    /// The band for a total (lower edges inclusive); nil only if below every band.
    public func grade(for total: Score) -> GradeBand? {
        // The band with the highest lower edge the total reaches, the first of equal edges (what
        // the first reached band in the stable descending order is, without sorting a copy: the
        // scorer grades each dossier three or four times).
        var found: Int?
        for i in bands.indices where total >= bands[i].minimum {
            if let f = found, bands[i].minimum <= bands[f].minimum { continue }
            found = i
        }
        return found.map { bands[$0] }
    }

    /// Band whose label or code matches text as written in a report ("优", "良好", "A"; 繁体
    /// alike: "優", "優良" is "优良", read as 优).
    public func band(named text: String) -> GradeBand? {
        let t = ChineseText.simplified(text.trimmingCharacters(in: .whitespaces))
        return bands.first { $0.label == t || $0.code == t } ?? bands.first { t.hasPrefix($0.label) || $0.label.hasPrefix(t) && !t.isEmpty }
    }

    /// A grade as written, counted as the band it names (``band(named:)``: "優良" and "優" are
    /// 优); a word no band matches stays as written, simplified. For tallies of stated grades.
    public func label(of text: String) -> String {
        band(named: text)?.label ?? ChineseText.simplified(text.trimmingCharacters(in: .whitespaces))
    }
}

extension GradeScheme {
    /// MOF_4 (优/良/中/差 at 90/80/60), the default scheme; used when a template names a scheme
    /// that is not loaded.
    public static let mof4 = GradeScheme(id: "MOF_4", name: "财政部四档", bands: [
        GradeBand(code: "A", label: "优", minimum: Score(hundredths: 9000)),
        GradeBand(code: "B", label: "良", minimum: Score(hundredths: 8000)),
        GradeBand(code: "C", label: "中", minimum: Score(hundredths: 6000)),
        GradeBand(code: "D", label: "差", minimum: Score(hundredths: 0)),
    ])
}
