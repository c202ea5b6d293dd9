import Foundation

/// The per-type readers of the records `fuhe check` reads once per dossier beside its rows — the
/// self-evaluation (with its budget summary, 三公 lines, amount, share and figure checks and report
/// sections), the unit, the cycle, the self-evaluation team and the review (with its team and
/// result application) — on the same terms as
/// `StoredRowReader`'s: exactly what the synthesized `Decodable` reads from stored text, and
/// anything else throws `StoredJSONReader.Unsupported` so that the tree reader and then
/// `JSONDecoder` answer.
extension StoredRowReader {
    static let selfEvaluation = MemberNames(["id", "cycleID", "unitID", "templateID", "evalType", "objectName", "evalMethod",
                                             "budgetInitial", "budgetFullYear", "executed", "statedTotals", "statedGrade",
                                             "reportDate", "disclosureIndexNo", "disclosureDate", "basisDocs", "goalsText",
                                             "achievementsText", "statedProblems", "statedMeasures", "status", "sourceRef",
                                             "budgetSummary", "threePublic", "amountChecks", "shareChecks", "figureConflicts",
                                             "reportSections"])
    static let budgetSummary = MemberNames(["incomeTotal", "expenditureTotal", "personnel", "publicOperating", "projectExpenditure",
                                            "budgetInitial", "budgetSupplement", "carryoverBegin", "carryoverEnd", "fixedAssets"])
    static let threePublicLine = MemberNames(["category", "budget", "final", "priorFinal", "statedVariance", "statedRatio"])
    static let amountCheck = MemberNames(["label", "statedTotal", "components"])
    static let amountComponent = MemberNames(["label", "amount"])
    static let shareCheck = MemberNames(["label", "numerator", "denominator", "statedPercent"])
    static let figureConflict = MemberNames(["quantity", "statements"])
    static let figureStatement = MemberNames(["value", "location"])
    static let reportSection = MemberNames(["title", "present", "text"])
    static let unit = MemberNames(["id", "name", "shortName", "budgetCode", "parentDept", "region", "adminLevel", "unitKind",
                                   "staffingQuota", "headcount", "retirees", "vehicleQuota", "contactName", "contactPhone",
                                   "internalOrgs"])
    static let cycle = MemberNames(["id", "fiscalYear", "yearIsDemo", "name", "noticeDocNo", "issuer", "evalTypes",
                                    "submitDeadline", "reviewDeadline"])
    static let teamMember = MemberNames(["name", "title", "org", "role", "signed", "signedOn"])
    static let review = MemberNames(["id", "mode", "team", "conclusion", "status", "startedAt", "submittedAt", "finalizedAt",
                                     "frozenTotal", "frozenGrade", "application"])
    static let application = MemberNames(["kind", "reason", "decidedBy", "decidedOn"])
}

private func missing() -> StoredJSONReader.Unsupported { StoredJSONReader.Unsupported() }

extension ReaderParser {
    mutating func selfEvaluation() throws -> SelfEvaluation {
        var id: String?, cycleID: String?, unitID: String?, templateID: String?, evalType: EvalType?, objectName: String?
        var statedTotals: [Score]?, basisDocs: [String]?, goalsText: String?, achievementsText: String?
        var statedProblems: [String]?, statedMeasures: [String]?, status: EvaluationStatus?, threePublic: [ThreePublicLine]?
        var amountChecks: [AmountCheck]?, shareChecks: [ShareCheck]?, figureConflicts: [FigureConflict]?
        var reportSections: [ReportSection]?
        var e = SelfEvaluation(id: "", cycleID: "", unitID: "", templateID: "", evalType: .deptOverall, objectName: "")
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.selfEvaluation, &members) {
            switch i {
            case 0: id = try text()
            case 1: cycleID = try text()
            case 2: unitID = try text()
            case 3: templateID = try text()
            case 4: evalType = try choice(EvalType.self)
            case 5: objectName = try text()
            case 6: e.evalMethod = try optionalText()
            case 7: e.budgetInitial = try null() ? nil : money()
            case 8: e.budgetFullYear = try null() ? nil : money()
            case 9: e.executed = try null() ? nil : money()
            case 10: statedTotals = try list { try $0.score() }
            case 11: e.statedGrade = try optionalText()
            case 12: e.reportDate = try null() ? nil : day()
            case 13: e.disclosureIndexNo = try optionalText()
            case 14: e.disclosureDate = try null() ? nil : day()
            case 15: basisDocs = try texts()
            case 16: goalsText = try text()
            case 17: achievementsText = try text()
            case 18: statedProblems = try texts()
            case 19: statedMeasures = try texts()
            case 20: status = try choice(EvaluationStatus.self)
            case 21: e.sourceRef = try optionalText()
            case 22: e.budgetSummary = try null() ? nil : budgetSummary()
            case 23: threePublic = try list { try $0.threePublicLine() }
            case 24: amountChecks = try list { try $0.amountCheck() }
            case 25: shareChecks = try list { try $0.shareCheck() }
            case 26: figureConflicts = try list { try $0.figureConflict() }
            default: reportSections = try list { try $0.reportSection() }
            }
        }
        guard let id, let cycleID, let unitID, let templateID, let evalType, let objectName, let statedTotals, let basisDocs,
              let goalsText, let achievementsText, let statedProblems, let statedMeasures, let status, let threePublic,
              let amountChecks, let shareChecks, let figureConflicts, let reportSections else { throw missing() }
        (e.id, e.cycleID, e.unitID, e.templateID, e.evalType, e.objectName) = (id, cycleID, unitID, templateID, evalType, objectName)
        (e.statedTotals, e.basisDocs, e.goalsText, e.achievementsText) = (statedTotals, basisDocs, goalsText, achievementsText)
        (e.statedProblems, e.statedMeasures, e.status, e.threePublic) = (statedProblems, statedMeasures, status, threePublic)
        (e.amountChecks, e.shareChecks, e.figureConflicts, e.reportSections) = (amountChecks, shareChecks, figureConflicts, reportSections)
        return e
    }

    mutating func budgetSummary() throws -> BudgetSummary {
        var s = BudgetSummary()
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.budgetSummary, &members) {
            let value = try null() ? nil : money()
            switch i {
            case 0: s.incomeTotal = value
            case 1: s.expenditureTotal = value
            case 2: s.personnel = value
            case 3: s.publicOperating = value
            case 4: s.projectExpenditure = value
            case 5: s.budgetInitial = value
            case 6: s.budgetSupplement = value
            case 7: s.carryoverBegin = value
            case 8: s.carryoverEnd = value
            default: s.fixedAssets = value
            }
        }
        return s
    }

    mutating func threePublicLine() throws -> ThreePublicLine {
        var category: ThreePublicCategory?, budget: Money?, final: Money?
        var priorFinal: Money?, statedVariance: Money?, statedRatio: Decimal?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.threePublicLine, &members) {
            switch i {
            case 0: category = try choice(ThreePublicCategory.self)
            case 1: budget = try money()
            case 2: final = try money()
            case 3: priorFinal = try null() ? nil : money()
            case 4: statedVariance = try null() ? nil : money()
            default: statedRatio = try null() ? nil : decimal()
            }
        }
        guard let category, let budget, let final else { throw missing() }
        return ThreePublicLine(category: category, budget: budget, final: final, priorFinal: priorFinal,
                               statedVariance: statedVariance, statedRatio: statedRatio)
    }

    mutating func amountCheck() throws -> AmountCheck {
        var label: String?, statedTotal: Money?, components: [AmountCheck.Component]?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.amountCheck, &members) {
            switch i {
            case 0: label = try text()
            case 1: statedTotal = try money()
            default: components = try list { try $0.amountComponent() }
            }
        }
        guard let label, let statedTotal, let components else { throw missing() }
        return AmountCheck(label: label, statedTotal: statedTotal, components: components)
    }

    mutating func amountComponent() throws -> AmountCheck.Component {
        var label: String?, amount: Money?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.amountComponent, &members) {
            if i == 0 { label = try text() } else { amount = try money() }
        }
        guard let label, let amount else { throw missing() }
        return AmountCheck.Component(label: label, amount: amount)
    }

    mutating func shareCheck() throws -> ShareCheck {
        var label: String?, numerator: Money?, denominator: Money?, statedPercent: Decimal?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.shareCheck, &members) {
            switch i {
            case 0: label = try text()
            case 1: numerator = try money()
            case 2: denominator = try money()
            default: statedPercent = try decimal()
            }
        }
        guard let label, let numerator, let denominator, let statedPercent else { throw missing() }
        return ShareCheck(label: label, numerator: numerator, denominator: denominator, statedPercent: statedPercent)
    }

    mutating func figureConflict() throws -> FigureConflict {
        var quantity: String?, statements: [FigureConflict.Statement]?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.figureConflict, &members) {
            if i == 0 { quantity = try text() } else { statements = try list { try $0.figureStatement() } }
        }
        guard let quantity, let statements else { throw missing() }
        return FigureConflict(quantity: quantity, statements: statements)
    }

    mutating func figureStatement() throws -> FigureConflict.Statement {
        var value: String?, location: String?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.figureStatement, &members) {
            if i == 0 { value = try text() } else { location = try text() }
        }
        guard let value, let location else { throw missing() }
        return FigureConflict.Statement(value: value, location: location)
    }

    mutating func reportSection() throws -> ReportSection {
        var title: String?, present: Bool?, body: String?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.reportSection, &members) {
            switch i {
            case 0: title = try text()
            case 1: present = try bool()
            default: body = try text()
            }
        }
        guard let title, let present, let body else { throw missing() }
        return ReportSection(title: title, present: present, text: body)
    }

    mutating func evaluatedUnit() throws -> EvaluatedUnit {
        var id: String?, name: String?, internalOrgs: [String]?
        var u = EvaluatedUnit(id: "", name: "")
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.unit, &members) {
            switch i {
            case 0: id = try text()
            case 1: name = try text()
            case 2: u.shortName = try optionalText()
            case 3: u.budgetCode = try optionalText()
            case 4: u.parentDept = try optionalText()
            case 5: u.region = try optionalText()
            case 6: u.adminLevel = try null() ? nil : choice(AdminLevel.self)
            case 7: u.unitKind = try optionalText()
            case 8: u.staffingQuota = try null() ? nil : int()
            case 9: u.headcount = try null() ? nil : int()
            case 10: u.retirees = try null() ? nil : int()
            case 11: u.vehicleQuota = try null() ? nil : int()
            case 12: u.contactName = try optionalText()
            case 13: u.contactPhone = try optionalText()
            default: internalOrgs = try texts()
            }
        }
        guard let id, let name, let internalOrgs else { throw missing() }
        (u.id, u.name, u.internalOrgs) = (id, name, internalOrgs)
        return u
    }

    mutating func evaluationCycle() throws -> EvaluationCycle {
        var id: String?, fiscalYear: Int?, yearIsDemo: Bool?, name: String?, evalTypes: [EvalType]?
        var noticeDocNo: String?, issuer: String?, submitDeadline: CalendarDay?, reviewDeadline: CalendarDay?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.cycle, &members) {
            switch i {
            case 0: id = try text()
            case 1: fiscalYear = try int()
            case 2: yearIsDemo = try bool()
            case 3: name = try text()
            case 4: noticeDocNo = try optionalText()
            case 5: issuer = try optionalText()
            case 6: evalTypes = try list { try $0.choice(EvalType.self) }
            case 7: submitDeadline = try null() ? nil : day()
            default: reviewDeadline = try null() ? nil : day()
            }
        }
        guard let id, let fiscalYear, let yearIsDemo, let name, let evalTypes else { throw missing() }
        return EvaluationCycle(id: id, fiscalYear: fiscalYear, yearIsDemo: yearIsDemo, name: name, noticeDocNo: noticeDocNo,
                               issuer: issuer, evalTypes: evalTypes, submitDeadline: submitDeadline, reviewDeadline: reviewDeadline)
    }

    mutating func teamMember() throws -> TeamMember {
        var name: String?, role: TeamRole?, signed: Bool?
        var title: String?, org: String?, signedOn: CalendarDay?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.teamMember, &members) {
            switch i {
            case 0: name = try text()
            case 1: title = try optionalText()
            case 2: org = try optionalText()
            case 3: role = try choice(TeamRole.self)
            case 4: signed = try bool()
            default: signedOn = try null() ? nil : day()
            }
        }
        guard let name, let role, let signed else { throw missing() }
        return TeamMember(name: name, title: title, org: org, role: role, signed: signed, signedOn: signedOn)
    }

    mutating func review() throws -> Review {
        var id: String?, mode: ReviewMode?, team: [TeamMember]?, conclusion: String?, status: ReviewStatus?
        var r = Review(id: "")
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.review, &members) {
            switch i {
            case 0: id = try text()
            case 1: mode = try choice(ReviewMode.self)
            case 2: team = try list { try $0.teamMember() }
            case 3: conclusion = try text()
            case 4: status = try choice(ReviewStatus.self)
            case 5: r.startedAt = try null() ? nil : date()
            case 6: r.submittedAt = try null() ? nil : date()
            case 7: r.finalizedAt = try null() ? nil : date()
            case 8: r.frozenTotal = try null() ? nil : score()
            case 9: r.frozenGrade = try optionalText()
            default: r.application = try null() ? nil : resultApplication()
            }
        }
        guard let id, let mode, let team, let conclusion, let status else { throw missing() }
        (r.id, r.mode, r.team, r.conclusion, r.status) = (id, mode, team, conclusion, status)
        return r
    }

    mutating func resultApplication() throws -> ResultApplication {
        var kind: ApplicationKind?, reason: String?, decidedBy: String?, decidedOn: CalendarDay?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.application, &members) {
            switch i {
            case 0: kind = try choice(ApplicationKind.self)
            case 1: reason = try text()
            case 2: decidedBy = try text()
            default: decidedOn = try day()
            }
        }
        guard let kind, let reason, let decidedBy, let decidedOn else { throw missing() }
        return ResultApplication(kind: kind, reason: reason, decidedBy: decidedBy, decidedOn: decidedOn)
    }
}
