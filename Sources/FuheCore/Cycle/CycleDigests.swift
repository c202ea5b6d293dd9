/// One finding as the cross-unit findings list shows it (read from the store's summary columns,
/// without loading its dossier).
public struct FindingDigest: Sendable, Hashable {
    public var dossierID: String
    public var unitName: String
    public var fiscalYear: Int
    public var findingID: String
    public var seq: Int
    public var category: FindingCategory
    public var severity: Severity
    public var description: String
    /// The linked indicator's code and name ("1.1.1 在职人员控制率"), nil when not linked.
    public var indicator: String?
    public var itemCount: Int
    public var openItems: Int
    /// 重复问题: the earlier finding it repeats.
    public var repeatOf: String?

    public init(dossierID: String, unitName: String, fiscalYear: Int, findingID: String, seq: Int, category: FindingCategory,
                severity: Severity, description: String, indicator: String?, itemCount: Int, openItems: Int, repeatOf: String?) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.fiscalYear = fiscalYear
        self.findingID = findingID
        self.seq = seq
        self.category = category
        self.severity = severity
        self.description = description
        self.indicator = indicator
        self.itemCount = itemCount
        self.openItems = openItems
        self.repeatOf = repeatOf
    }
}

/// One rectification item as the cross-unit page shows it (the store's summary columns): the
/// unit, the problem, what to do, who, the dates the deadline rule reads, returns and escalations.
public struct ItemDigest: Sendable, Hashable {
    public var dossierID: String
    public var unitName: String
    public var fiscalYear: Int
    public var itemID: String
    public var findingID: String
    public var seq: Int
    public var problem: String
    public var category: FindingCategory?
    public var measure: String
    public var rectType: RectType
    public var respUnit: String
    public var respPerson: String
    public var createdOn: CalendarDay
    public var deadline: CalendarDay
    public var status: RectStatus
    public var submittedOn: CalendarDay?
    public var nextCheckOn: CalendarDay?
    public var longTermSince: CalendarDay?
    public var lastProgressOn: CalendarDay?
    public var returnCount: Int
    public var escalationCount: Int
    public var lastEscalation: EscalationKind?

    public init(dossierID: String, unitName: String, fiscalYear: Int, itemID: String, findingID: String, seq: Int, problem: String,
                category: FindingCategory?, measure: String, rectType: RectType, respUnit: String, respPerson: String,
                createdOn: CalendarDay, deadline: CalendarDay, status: RectStatus, submittedOn: CalendarDay?, nextCheckOn: CalendarDay?,
                longTermSince: CalendarDay?, lastProgressOn: CalendarDay?, returnCount: Int, escalationCount: Int,
                lastEscalation: EscalationKind?) {
        self.dossierID = dossierID
        self.unitName = unitName
        self.fiscalYear = fiscalYear
        self.itemID = itemID
        self.findingID = findingID
        self.seq = seq
        self.problem = problem
        self.category = category
        self.measure = measure
        self.rectType = rectType
        self.respUnit = respUnit
        self.respPerson = respPerson
        self.createdOn = createdOn
        self.deadline = deadline
        self.status = status
        self.submittedOn = submittedOn
        self.nextCheckOn = nextCheckOn
        self.longTermSince = longTermSince
        self.lastProgressOn = lastProgressOn
        self.returnCount = returnCount
        self.escalationCount = escalationCount
        self.lastEscalation = lastEscalation
    }

    /// The digest of an item of a dossier.
    public init(_ item: RectificationItem, in dossier: Dossier) {
        let finding = dossier.findings.first { $0.id == item.findingID }
        self.init(dossierID: dossier.id, unitName: dossier.unit.displayName, fiscalYear: dossier.cycle.fiscalYear, itemID: item.id,
                  findingID: item.findingID, seq: item.seq, problem: finding?.description ?? "", category: finding?.category,
                  measure: item.measure, rectType: item.rectType, respUnit: item.respUnit, respPerson: item.respPerson,
                  createdOn: item.createdOn, deadline: item.deadline, status: item.status, submittedOn: item.submittedOn,
                  nextCheckOn: item.nextCheckOn, longTermSince: item.longTermSince, lastProgressOn: item.lastProgressOn,
                  returnCount: item.returnCount, escalationCount: item.escalationRecords.count,
                  lastEscalation: item.escalationRecords.last?.kind)
    }

    /// What the deadline, ageing and escalation rules read of it.
    public var facts: ItemFacts {
        ItemFacts(status: status, createdOn: createdOn, deadline: deadline, submittedOn: submittedOn, nextCheckOn: nextCheckOn,
                  longTermSince: longTermSince, lastProgressOn: lastProgressOn, returnCount: returnCount)
    }

    /// Where the item stands on `today`, by the one deadline rule (`Deadlines.state`).
    public func deadlineState(today: CalendarDay, dueSoonDays: Int = 7) -> DeadlineState {
        Deadlines.state(of: facts, today: today, dueSoonDays: dueSoonDays)
    }

    /// The deadline and next check with their days (`Deadlines.due`, the wording of the items pane).
    public func due(today: CalendarDay) -> DueFigures {
        Deadlines.due(facts, today: today)
    }

    /// Days since anything happened to the item: its last progress entry, else its creation.
    public func daysWithoutProgress(today: CalendarDay) -> Int { facts.daysWithoutProgress(today: today) }
}

/// What a unit's earlier years bring to this year's review: the items still open from them (they
/// appear in this year's items), and their findings (to flag 重复问题).
public struct EarlierYears: Sendable, Hashable {
    /// The dossier these belong to.
    public var dossierID: String
    /// The latest earlier year's dossier, if any.
    public var previousDossierID: String?
    public var previousYear: Int?
    public var openItems: [ItemDigest]
    public var findings: [FindingDigest]

    public init(dossierID: String, previousDossierID: String?, previousYear: Int?, openItems: [ItemDigest], findings: [FindingDigest]) {
        self.dossierID = dossierID
        self.previousDossierID = previousDossierID
        self.previousYear = previousYear
        self.openItems = openItems
        self.findings = findings
    }
}
