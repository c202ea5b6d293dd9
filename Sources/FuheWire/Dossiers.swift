import FuheCore

/// One line of the unit list on the wire.
public struct WireUnit: Codable, Sendable, Hashable {
    public var id: String, unitName: String, fiscalYear: Int, yearIsDemo: Bool, evalType: EvalType, status: EvaluationStatus
    public var reviewStatus: ReviewStatus?, selfTotal: Int?, selfGrade: String?, reviewTotal: Int?, reviewComplete: Bool
    public var reviewGrade: String?, reviewedRows: Int, scorableRows: Int, warningCount: Int, openItems: Int, totalItems: Int
    public var overdueItems: Int
    /// The team that owns the unit.
    public var team: String

    public init(_ s: UnitSummary, team: String) {
        id = s.dossierID; unitName = s.unitName; fiscalYear = s.fiscalYear; yearIsDemo = s.yearIsDemo; evalType = s.evalType
        status = s.status; reviewStatus = s.reviewStatus; selfTotal = s.selfTotal?.hundredths; selfGrade = s.selfGrade
        reviewTotal = s.reviewTotal?.hundredths; reviewComplete = s.reviewComplete; reviewGrade = s.reviewGrade
        reviewedRows = s.reviewedRows; scorableRows = s.scorableRows; warningCount = s.warningCount; openItems = s.openItems
        totalItems = s.totalItems; overdueItems = s.overdueItems; self.team = team
    }

    public var summary: UnitSummary {
        UnitSummary(dossierID: id, unitName: unitName, fiscalYear: fiscalYear, yearIsDemo: yearIsDemo, evalType: evalType, status: status,
                    reviewStatus: reviewStatus, selfTotal: selfTotal.map(Score.init(hundredths:)), selfGrade: selfGrade,
                    reviewTotal: reviewTotal.map(Score.init(hundredths:)), reviewComplete: reviewComplete, reviewGrade: reviewGrade,
                    reviewedRows: reviewedRows, scorableRows: scorableRows, warningCount: warningCount, openItems: openItems,
                    totalItems: totalItems, overdueItems: overdueItems)
    }
}

/// `GET /v1/units`: the units of the caller's teams, and those out as copies.
public struct UnitList: Codable, Sendable {
    public var units: [WireUnit]
    /// Dossier id → "L-1 张三 2026-11-23 起".
    public var leased: [String: String]
    public init(units: [WireUnit], leased: [String: String]) { self.units = units; self.leased = leased }
}

/// A whole dossier on the wire (its template travels by id: `GET /v1/templates/ID`).
public struct WireDossier: Codable, Sendable {
    public var unit: EvaluatedUnit
    public var cycle: EvaluationCycle
    public var templateID: String
    public var evaluation: SelfEvaluation
    public var results: [IndicatorResult]
    public var evidence: [Evidence]
    public var selfTeam: [TeamMember]
    public var review: Review?
    public var findings: [Finding]
    public var items: [RectificationItem]
    public var team: String

    public init(_ d: Dossier, team: String) {
        unit = d.unit; cycle = d.cycle; templateID = d.template.id; evaluation = d.evaluation
        results = d.results.keys.sorted().compactMap { d.results[$0] }
        evidence = d.evidence; selfTeam = d.selfTeam; review = d.review; findings = d.findings; items = d.items
        self.team = team
    }

    public func dossier(template: IndicatorTemplate) -> Dossier {
        Dossier(unit: unit, cycle: cycle, template: template, evaluation: evaluation,
                results: Dictionary(results.map { ($0.nodeID, $0) }, uniquingKeysWith: { a, _ in a }),
                evidence: evidence, selfTeam: selfTeam, review: review, findings: findings, items: items)
    }
}

/// Dossiers with their templates and grade schemes (a checkout, a pull, a push).
public struct DossierBundle: Codable, Sendable {
    public var dossiers: [WireDossier]
    public var templates: [IndicatorTemplate]
    public var schemes: [GradeScheme]
    public init(dossiers: [WireDossier], templates: [IndicatorTemplate], schemes: [GradeScheme]) {
        self.dossiers = dossiers; self.templates = templates; self.schemes = schemes
    }

    /// The dossiers with their templates (nil when one names a template the bundle lacks).
    public func model() -> [Dossier]? {
        let byID = Dictionary(templates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Dossier] = []
        for d in dossiers {
            guard let t = byID[d.templateID] else { return nil }
            out.append(d.dossier(template: t))
        }
        return out
    }
}

/// `POST /v1/push`: dossiers of a local store moving to the server, with their journal history.
public struct PushRequest: Codable, Sendable {
    public var team: String
    public var bundle: DossierBundle
    /// The local journal's entries of these dossiers, in order.
    public var history: [WireEntry]
    /// The local store's file name (for the journal's reason).
    public var source: String
    public init(team: String, bundle: DossierBundle, history: [WireEntry], source: String) {
        self.team = team; self.bundle = bundle; self.history = history; self.source = source
    }
}

/// What a push did.
public struct PushAnswer: Codable, Sendable {
    public var imported: [String]
    /// Already on the server with the same content (a push run again after an interruption).
    public var unchanged: [String]
    public init(imported: [String], unchanged: [String]) { self.imported = imported; self.unchanged = unchanged }
}

/// A page of a team's dossiers (`GET /v1/export`, for `fuhe pull`).
public struct ExportPage: Codable, Sendable {
    public var bundle: DossierBundle
    /// Dossiers in the whole export.
    public var total: Int
    public init(bundle: DossierBundle, total: Int) { self.bundle = bundle; self.total = total }
}
