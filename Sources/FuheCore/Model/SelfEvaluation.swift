import Foundation

/// 自评报告: the object under review — one unit's self-evaluation for one cycle, with the figures
/// it states and the report-level checks a reviewer runs on them.
public struct SelfEvaluation: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var cycleID: String
    public var unitID: String
    public var templateID: String
    public var evalType: EvalType
    /// Project name, or the unit name for DEPT_OVERALL.
    public var objectName: String
    public var evalMethod: String?
    public var budgetInitial: Money?
    public var budgetFullYear: Money?
    public var executed: Money?
    /// Every total the report states, in order (D0#1 states 87 then 101).
    public var statedTotals: [Score]
    /// Grade as written ("优"), nil when blank.
    public var statedGrade: String?
    public var reportDate: CalendarDay?
    public var disclosureIndexNo: String?
    public var disclosureDate: CalendarDay?
    public var basisDocs: [String]
    public var goalsText: String
    public var achievementsText: String
    public var statedProblems: [String]
    public var statedMeasures: [String]
    public var status: EvaluationStatus
    public var sourceRef: String?
    public var budgetSummary: BudgetSummary?
    public var threePublic: [ThreePublicLine]
    public var amountChecks: [AmountCheck]
    public var shareChecks: [ShareCheck]
    public var figureConflicts: [FigureConflict]
    public var reportSections: [ReportSection]

    public init(id: String, cycleID: String, unitID: String, templateID: String, evalType: EvalType, objectName: String,
                evalMethod: String? = nil, budgetInitial: Money? = nil, budgetFullYear: Money? = nil, executed: Money? = nil,
                statedTotals: [Score] = [], statedGrade: String? = nil, reportDate: CalendarDay? = nil,
                disclosureIndexNo: String? = nil, disclosureDate: CalendarDay? = nil, basisDocs: [String] = [],
                goalsText: String = "", achievementsText: String = "", statedProblems: [String] = [],
                statedMeasures: [String] = [], status: EvaluationStatus = .selected, sourceRef: String? = nil,
                budgetSummary: BudgetSummary? = nil, threePublic: [ThreePublicLine] = [], amountChecks: [AmountCheck] = [],
                shareChecks: [ShareCheck] = [], figureConflicts: [FigureConflict] = [], reportSections: [ReportSection] = []) {
        self.id = id
        self.cycleID = cycleID
        self.unitID = unitID
        self.templateID = templateID
        self.evalType = evalType
        self.objectName = objectName
        self.evalMethod = evalMethod
        self.budgetInitial = budgetInitial
        self.budgetFullYear = budgetFullYear
        self.executed = executed
        self.statedTotals = statedTotals
        self.statedGrade = statedGrade
        self.reportDate = reportDate
        self.disclosureIndexNo = disclosureIndexNo
        self.disclosureDate = disclosureDate
        self.basisDocs = basisDocs
        self.goalsText = goalsText
        self.achievementsText = achievementsText
        self.statedProblems = statedProblems
        self.statedMeasures = statedMeasures
        self.status = status
        self.sourceRef = sourceRef
        self.budgetSummary = budgetSummary
        self.threePublic = threePublic
        self.amountChecks = amountChecks
        self.shareChecks = shareChecks
        self.figureConflicts = figureConflicts
        self.reportSections = reportSections
    }

    /// The self total compared with the review: the last stated total (spec §3.7).
    public var finalStatedTotal: Score? { statedTotals.last }
}

/// 收支情况 (the figures a reviewer checks; all in 万元).
public struct BudgetSummary: Hashable, Sendable, Codable {
    public var incomeTotal: Money?
    public var expenditureTotal: Money?
    public var personnel: Money?
    public var publicOperating: Money?
    public var projectExpenditure: Money?
    public var budgetInitial: Money?
    public var budgetSupplement: Money?
    public var carryoverBegin: Money?
    public var carryoverEnd: Money?
    public var fixedAssets: Money?

    public init(incomeTotal: Money? = nil, expenditureTotal: Money? = nil, personnel: Money? = nil,
                publicOperating: Money? = nil, projectExpenditure: Money? = nil, budgetInitial: Money? = nil,
                budgetSupplement: Money? = nil, carryoverBegin: Money? = nil, carryoverEnd: Money? = nil,
                fixedAssets: Money? = nil) {
        self.incomeTotal = incomeTotal
        self.expenditureTotal = expenditureTotal
        self.personnel = personnel
        self.publicOperating = publicOperating
        self.projectExpenditure = projectExpenditure
        self.budgetInitial = budgetInitial
        self.budgetSupplement = budgetSupplement
        self.carryoverBegin = carryoverBegin
        self.carryoverEnd = carryoverEnd
        self.fixedAssets = fixedAssets
    }
}

/// One row of the 三公经费 table, with the printed variance and ratio kept to detect errors (D-002).
public struct ThreePublicLine: Hashable, Sendable, Codable {
    public var category: ThreePublicCategory
    /// 年初预算数.
    public var budget: Money
    /// 年末决算数.
    public var final: Money
    public var priorFinal: Money?
    /// 金额差异 as printed.
    public var statedVariance: Money?
    /// 超支节约比率 as printed, in percent.
    public var statedRatio: Decimal?

    public init(category: ThreePublicCategory, budget: Money, final: Money, priorFinal: Money? = nil,
                statedVariance: Money? = nil, statedRatio: Decimal? = nil) {
        self.category = category
        self.budget = budget
        self.final = final
        self.priorFinal = priorFinal
        self.statedVariance = statedVariance
        self.statedRatio = statedRatio
    }

    /// budget − final (nil beyond ±`Money.limit`).
    public var computedVariance: Money? { budget.subtracting(final) }

    /// variance / budget × 100 (nil when the budget is zero or the variance out of range).
    public var computedRatio: Decimal? {
        guard budget.yuan != 0, let variance = computedVariance else { return nil }
        return variance.wanYuan / budget.wanYuan * 100
    }
}

/// A stated total and the components that should add up to it (D-001).
public struct AmountCheck: Hashable, Sendable, Codable {
    public var label: String
    public var statedTotal: Money
    public var components: [Component]

    public struct Component: Hashable, Sendable, Codable {
        public var label: String
        public var amount: Money
        public init(label: String, amount: Money) {
            self.label = label
            self.amount = amount
        }
    }

    public init(label: String, statedTotal: Money, components: [Component]) {
        self.label = label
        self.statedTotal = statedTotal
        self.components = components
    }

    /// The components' exact sum (nil when it goes beyond ±`Money.limit`).
    public var computedTotal: Money? { components.map(\.amount).sum() }
}

/// A printed share (占比) with its numerator and denominator (D-006).
public struct ShareCheck: Hashable, Sendable, Codable {
    public var label: String
    public var numerator: Money
    public var denominator: Money
    /// As printed, in percent.
    public var statedPercent: Decimal

    public init(label: String, numerator: Money, denominator: Money, statedPercent: Decimal) {
        self.label = label
        self.numerator = numerator
        self.denominator = denominator
        self.statedPercent = statedPercent
    }

    public var computedPercent: Decimal? {
        denominator.yuan == 0 ? nil : numerator.wanYuan / denominator.wanYuan * 100
    }
}

/// One quantity the report states in more than one place (D-003).
public struct FigureConflict: Hashable, Sendable, Codable {
    public var quantity: String
    public var statements: [Statement]

    public struct Statement: Hashable, Sendable, Codable {
        public var value: String
        public var location: String
        public init(value: String, location: String) {
            self.value = value
            self.location = location
        }
    }

    public init(quantity: String, statements: [Statement]) {
        self.quantity = quantity
        self.statements = statements
    }

    /// True when the statements do not all say the same.
    public var isConflict: Bool { Set(statements.map(\.value)).count > 1 }
}

/// A section of the report outline and its text (S-006 detects template instructions left in).
public struct ReportSection: Hashable, Sendable, Codable {
    public var title: String
    public var present: Bool
    public var text: String

    public init(title: String, present: Bool = true, text: String = "") {
        self.title = title
        self.present = present
        self.text = text
    }
}
