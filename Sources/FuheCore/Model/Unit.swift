/// 被评价单位: an evaluated budget unit.
public struct EvaluatedUnit: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var name: String
    /// Short name for lists ("黄土矿镇政府"); falls back to `name`.
    public var shortName: String?
    public var budgetCode: String?
    public var parentDept: String?
    public var region: String?
    public var adminLevel: AdminLevel?
    /// 单位性质: 行政机关, 参公事业, 公益一类事业, 公益二类事业, 乡镇政府, 其他.
    public var unitKind: String?
    /// 编制数.
    public var staffingQuota: Int?
    /// 实有人数 / 在职人数.
    public var headcount: Int?
    public var retirees: Int?
    public var vehicleQuota: Int?
    public var contactName: String?
    public var contactPhone: String?
    public var internalOrgs: [String]

    public init(id: String, name: String, shortName: String? = nil, budgetCode: String? = nil, parentDept: String? = nil,
                region: String? = nil, adminLevel: AdminLevel? = nil, unitKind: String? = nil, staffingQuota: Int? = nil,
                headcount: Int? = nil, retirees: Int? = nil, vehicleQuota: Int? = nil, contactName: String? = nil,
                contactPhone: String? = nil, internalOrgs: [String] = []) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.budgetCode = budgetCode
        self.parentDept = parentDept
        self.region = region
        self.adminLevel = adminLevel
        self.unitKind = unitKind
        self.staffingQuota = staffingQuota
        self.headcount = headcount
        self.retirees = retirees
        self.vehicleQuota = vehicleQuota
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.internalOrgs = internalOrgs
    }

    /// The name to show in narrow lists.
    public var displayName: String { shortName ?? name }
}

/// 评价批次: a finance authority's evaluation round for one fiscal year.
public struct EvaluationCycle: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var fiscalYear: Int
    /// The year is anonymised in the source ("20xx"); `fiscalYear` is a demo year.
    public var yearIsDemo: Bool
    public var name: String
    public var noticeDocNo: String?
    public var issuer: String?
    public var evalTypes: [EvalType]
    public var submitDeadline: CalendarDay?
    public var reviewDeadline: CalendarDay?

    public init(id: String, fiscalYear: Int, yearIsDemo: Bool = false, name: String, noticeDocNo: String? = nil,
                issuer: String? = nil, evalTypes: [EvalType] = [], submitDeadline: CalendarDay? = nil,
                reviewDeadline: CalendarDay? = nil) {
        self.id = id
        self.fiscalYear = fiscalYear
        self.yearIsDemo = yearIsDemo
        self.name = name
        self.noticeDocNo = noticeDocNo
        self.issuer = issuer
        self.evalTypes = evalTypes
        self.submitDeadline = submitDeadline
        self.reviewDeadline = reviewDeadline
    }
}

/// 评价/复核人员.
public struct TeamMember: Hashable, Sendable, Codable {
    public var name: String
    public var title: String?
    public var org: String?
    public var role: TeamRole
    public var signed: Bool
    public var signedOn: CalendarDay?

    public init(name: String, title: String? = nil, org: String? = nil, role: TeamRole = .member,
                signed: Bool = false, signedOn: CalendarDay? = nil) {
        self.name = name
        self.title = title
        self.org = org
        self.role = role
        self.signed = signed
        self.signedOn = signedOn
    }
}
