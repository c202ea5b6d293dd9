import Foundation

/// Reads a stored indicator template (`IndicatorTemplate`, its nodes and their scoring methods)
/// straight into its fields, as `StoredRowReader` reads the rows: what the synthesized
/// `Decodable` of each type reads from the text the store writes, and nothing else — anything
/// else throws `StoredJSONReader.Unsupported`, and the tree reader, then `JSONDecoder`, answer.
/// Opening a dossier decodes its template first; through `Decoder` that first decode paid for
/// the Swift runtime's first look-up of every generic container and conformance it uses.
extension ReaderParser {
    mutating func indicatorTemplate() throws -> IndicatorTemplate {
        var id: String?, name: String?, version: String?, evalType: EvalType?, source: String?, baseTotal: Score?
        var totalCap: Score?, maxBonusTotal: Score?, maxPenaltyTotal: Score?, gradeSchemeID: String?, basedOn: String?
        var nodes: [IndicatorNode]?
        var members = try openObject()
        while let i = try nextMember(TemplateMemberNames.template, &members) {
            switch i {
            case 0: id = try text()
            case 1: name = try text()
            case 2: version = try text()
            case 3: evalType = try choice(EvalType.self)
            case 4: source = try text()
            case 5: baseTotal = try score()
            case 6: totalCap = try null() ? nil : score()
            case 7: maxBonusTotal = try null() ? nil : score()
            case 8: maxPenaltyTotal = try null() ? nil : score()
            case 9: gradeSchemeID = try text()
            case 10: basedOn = try optionalText()
            default: nodes = try list { try $0.indicatorNode() }
            }
        }
        guard let id, let name, let version, let evalType, let source, let baseTotal, let gradeSchemeID, let nodes else {
            throw StoredJSONReader.Unsupported()
        }
        return IndicatorTemplate(id: id, name: name, version: version, evalType: evalType, source: source, baseTotal: baseTotal,
                                 totalCap: totalCap, maxBonusTotal: maxBonusTotal, maxPenaltyTotal: maxPenaltyTotal,
                                 gradeSchemeID: gradeSchemeID, basedOn: basedOn, nodes: nodes)
    }

    mutating func indicatorNode() throws -> IndicatorNode {
        var id: String?, parentID: String?, code: String?, level: Int?, name: String?, kind: NodeKind?, weight: Score?
        var minScore: Score?, maxScore: Score?, method: ScoringMethod?, direction: Direction?, unitOfMeasure: String?
        var isCommon: Bool?, definition: String?, formulaText: String?, standardText: String?, evidenceHint: String?
        var members = try openObject()
        while let i = try nextMember(TemplateMemberNames.node, &members) {
            switch i {
            case 0: id = try text()
            case 1: parentID = try optionalText()
            case 2: code = try text()
            case 3: level = try int()
            case 4: name = try text()
            case 5: kind = try choice(NodeKind.self)
            case 6: weight = try score()
            case 7: minScore = try score()
            case 8: maxScore = try score()
            case 9: method = try scoringMethod()
            case 10: direction = try choice(Direction.self)
            case 11: unitOfMeasure = try text()
            case 12: isCommon = try bool()
            case 13: definition = try text()
            case 14: formulaText = try text()
            case 15: standardText = try text()
            default: evidenceHint = try text()
            }
        }
        guard let id, let code, let level, let name, let kind, let weight, let minScore, let maxScore, let method, let direction,
              let unitOfMeasure, let isCommon, let definition, let formulaText, let standardText, let evidenceHint else {
            throw StoredJSONReader.Unsupported()
        }
        return IndicatorNode(id: id, parentID: parentID, code: code, level: level, name: name, kind: kind, weight: weight,
                             minScore: minScore, maxScore: maxScore, method: method, direction: direction, unitOfMeasure: unitOfMeasure,
                             isCommon: isCommon, definition: definition, formulaText: formulaText, standardText: standardText,
                             evidenceHint: evidenceHint)
    }

    /// A scoring method as the synthesized enum coding writes it: an object of one member, the
    /// case's name, whose value is an object of the case's labelled values (`_0` unlabelled).
    mutating func scoringMethod() throws -> ScoringMethod {
        var outer = try openObject()
        guard let which = try nextMember(TemplateMemberNames.method, &outer) else { throw StoredJSONReader.Unsupported() }
        let method: ScoringMethod
        switch which {
        case 0: try emptyObject(); method = .budgetExecution
        case 1: method = .proportionalPositive(overshootRatio: try onlyMember(TemplateMemberNames.overshootRatio, optional: true) { try $0.null() ? nil : $0.decimal() } ?? nil)
        case 2: method = .proportionalNegative(variant: try required(onlyMember(TemplateMemberNames.variant) { try $0.choice(NegativeVariant.self) }))
        case 3: method = .overshootCheck(ratio: try required(onlyMember(TemplateMemberNames.ratio) { try $0.decimal() }))
        case 4: try emptyObject(); method = .fullOrZero
        case 5: method = .stepDeduct(try required(onlyMember(TemplateMemberNames.unlabelled) { try $0.stepDeductRule() }))
        case 6: method = .tiered(try required(onlyMember(TemplateMemberNames.unlabelled) { try $0.list { try $0.tier() } }))
        case 7: method = .perOccurrence(deduct: try required(onlyMember(TemplateMemberNames.deduct) { try $0.decimal() }))
        case 8: method = .checklist(try required(onlyMember(TemplateMemberNames.unlabelled) { try $0.list { try $0.checklistElement() } }))
        case 9: try emptyObject(); method = .qualitative3Level
        case 10: method = .rank(step: try required(onlyMember(TemplateMemberNames.step) { try $0.decimal() }))
        case 11: try emptyObject(); method = .manual
        default: try emptyObject(); method = .adjust
        }
        guard try nextMember(TemplateMemberNames.method, &outer) == nil else { throw StoredJSONReader.Unsupported() }
        return method
    }

    mutating func stepDeductRule() throws -> StepDeductRule {
        var baseline: Decimal?, side: StepDeductRule.Side?, step: Decimal?, deduct: Decimal?, stepMode: StepDeductRule.StepMode?
        var members = try openObject()
        while let i = try nextMember(TemplateMemberNames.stepDeduct, &members) {
            switch i {
            case 0: baseline = try decimal()
            case 1: side = try choice(StepDeductRule.Side.self)
            case 2: step = try decimal()
            case 3: deduct = try decimal()
            default: stepMode = try choice(StepDeductRule.StepMode.self)
            }
        }
        guard let baseline, let side, let step, let deduct, let stepMode else { throw StoredJSONReader.Unsupported() }
        return StepDeductRule(baseline: baseline, side: side, step: step, deduct: deduct, stepMode: stepMode)
    }

    mutating func tier() throws -> Tier {
        var lower: Decimal?, lowerInclusive: Bool?, upper: Decimal?, upperInclusive: Bool?, points: Decimal?, pointsMax: Decimal?
        var label: String?
        var members = try openObject()
        while let i = try nextMember(TemplateMemberNames.tier, &members) {
            switch i {
            case 0: lower = try null() ? nil : decimal()
            case 1: lowerInclusive = try bool()
            case 2: upper = try null() ? nil : decimal()
            case 3: upperInclusive = try bool()
            case 4: points = try decimal()
            case 5: pointsMax = try null() ? nil : decimal()
            default: label = try optionalText()
            }
        }
        guard let lowerInclusive, let upperInclusive, let points else { throw StoredJSONReader.Unsupported() }
        return Tier(lower: lower, lowerInclusive: lowerInclusive, upper: upper, upperInclusive: upperInclusive, points: points,
                    pointsMax: pointsMax, label: label)
    }

    mutating func checklistElement() throws -> ChecklistElement {
        var name: String?, points: Decimal?
        var members = try openObject()
        while let i = try nextMember(TemplateMemberNames.checklist, &members) {
            if i == 0 { name = try text() } else { points = try decimal() }
        }
        guard let name, let points else { throw StoredJSONReader.Unsupported() }
        return ChecklistElement(name: name, points: points)
    }

    /// `{}` (a case without values).
    private mutating func emptyObject() throws {
        var members = try openObject()
        guard try nextMember(TemplateMemberNames.none, &members) == nil else { throw StoredJSONReader.Unsupported() }
    }

    /// An object of at most the one member of `names` (`optional`: it may be absent): its value read by
    /// `read`, or nil when absent.
    private mutating func onlyMember<T>(_ names: MemberNames, optional: Bool = false, _ read: (inout ReaderParser) throws -> T) throws -> T? {
        var members = try openObject()
        guard try nextMember(names, &members) != nil else {
            if optional { return nil }
            throw StoredJSONReader.Unsupported()
        }
        let value = try read(&self)
        guard try nextMember(names, &members) == nil else { throw StoredJSONReader.Unsupported() }
        return value
    }

    private func required<T>(_ value: T?) throws -> T {
        guard let value else { throw StoredJSONReader.Unsupported() }
        return value
    }
}

/// The member names of the template's stored types.
enum TemplateMemberNames {
    static let template = MemberNames(["id", "name", "version", "evalType", "source", "baseTotal", "totalCap", "maxBonusTotal",
                                       "maxPenaltyTotal", "gradeSchemeID", "basedOn", "nodes"])
    static let node = MemberNames(["id", "parentID", "code", "level", "name", "kind", "weight", "minScore", "maxScore", "method",
                                   "direction", "unitOfMeasure", "isCommon", "definition", "formulaText", "standardText", "evidenceHint"])
    /// The cases of `ScoringMethod`, in its declaration order.
    static let method = MemberNames(["budgetExecution", "proportionalPositive", "proportionalNegative", "overshootCheck", "fullOrZero",
                                     "stepDeduct", "tiered", "perOccurrence", "checklist", "qualitative3Level", "rank", "manual", "adjust"])
    static let stepDeduct = MemberNames(["baseline", "side", "step", "deduct", "stepMode"])
    static let tier = MemberNames(["lower", "lowerInclusive", "upper", "upperInclusive", "points", "pointsMax", "label"])
    static let checklist = MemberNames(["name", "points"])
    static let none = MemberNames([])
    static let overshootRatio = MemberNames(["overshootRatio"])
    static let variant = MemberNames(["variant"])
    static let ratio = MemberNames(["ratio"])
    static let unlabelled = MemberNames(["_0"])
    static let deduct = MemberNames(["deduct"])
    static let step = MemberNames(["step"])
}
