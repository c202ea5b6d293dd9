/// 评价类型: the kind of expenditure evaluated.
public enum EvalType: String, Codable, Sendable, CaseIterable {
    case project = "PROJECT"
    case deptOverall = "DEPT_OVERALL"
    case specialFund = "SPECIAL_FUND"

    /// Chinese label (项目支出 / 部门整体支出 / 专项资金).
    public var label: String {
        switch self {
        case .project: "项目支出"
        case .deptOverall: "部门整体支出"
        case .specialFund: "专项资金"
        }
    }
}

/// Whether an indicator counts toward the base total, adjusts it, or is only reported.
public enum NodeKind: String, Codable, Sendable, CaseIterable {
    case base = "BASE"
    case adjust = "ADJUST"
    case trial = "TRIAL"
}

/// 正向 / 反向 / 等于 / 定性.
public enum Direction: String, Codable, Sendable, CaseIterable {
    case positive = "POSITIVE"
    case negative = "NEGATIVE"
    case equal = "EQUAL"
    case qualitative = "QUALITATIVE"
}

/// 行政级别 of a unit.
public enum AdminLevel: String, Codable, Sendable, CaseIterable {
    case province = "PROVINCE", city = "CITY", county = "COUNTY", township = "TOWNSHIP"
}

/// Status of a self-evaluation (spec §2.4.1).
public enum EvaluationStatus: String, Codable, Sendable, CaseIterable {
    case received = "RECEIVED", selected = "SELECTED", notSelected = "NOT_SELECTED"
    case inReview = "IN_REVIEW", reviewed = "REVIEWED", rectifying = "RECTIFYING", closed = "CLOSED"

    public var label: String {
        switch self {
        case .received: "已报送"
        case .selected: "已抽取"
        case .notSelected: "未抽取"
        case .inReview: "复核中"
        case .reviewed: "已复核"
        case .rectifying: "整改中"
        case .closed: "已闭环"
        }
    }
}

/// Review status of one scoresheet row.
public enum RowStatus: String, Codable, Sendable, CaseIterable {
    case unreviewed = "UNREVIEWED", reviewed = "REVIEWED", queried = "QUERIED"

    /// 未复核 / 已复核 / 待单位补充.
    public var label: String {
        switch self {
        case .unreviewed: "未复核"
        case .reviewed: "已复核"
        case .queried: "待单位补充"
        }
    }
}

/// 复核方式.
public enum ReviewMode: String, Codable, Sendable, CaseIterable {
    case desk = "DESK", onSite = "ON_SITE"

    /// 书面复核 / 现场复核.
    public var label: String { self == .desk ? "书面复核" : "现场复核" }
}

/// Role of a team member.
public enum TeamRole: String, Codable, Sendable, CaseIterable {
    case leader = "LEADER", deputy = "DEPUTY", member = "MEMBER", liaison = "LIAISON"

    public var label: String {
        switch self {
        case .leader: "组长"
        case .deputy: "副组长"
        case .member: "组员"
        case .liaison: "联络人"
        }
    }
}

/// Kind of supporting evidence (佐证材料).
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
    case approval = "APPROVAL", voucher = "VOUCHER", finalAccounts = "FINAL_ACCOUNTS"
    case contract = "CONTRACT", procurement = "PROCUREMENT", minutes = "MINUTES", photo = "PHOTO"
    case systemData = "SYSTEM_DATA", ledger = "LEDGER", survey = "SURVEY", other = "OTHER"

    public var label: String {
        switch self {
        case .approval: "批复文件"
        case .voucher: "会计凭证/账簿"
        case .finalAccounts: "决算报表"
        case .contract: "合同/招投标文件"
        case .procurement: "政府采购手续"
        case .minutes: "会议纪要"
        case .photo: "照片"
        case .systemData: "系统截图/平台数据"
        case .ledger: "台账"
        case .survey: "满意度问卷"
        case .other: "其他"
        }
    }
}

/// Who provided a piece of evidence.
public enum EvidenceSource: String, Codable, Sendable, CaseIterable {
    case unit = "UNIT", reviewer = "REVIEWER"

    /// 被评价单位 / 复核组.
    public var label: String { self == .unit ? "被评价单位" : "复核组" }
}

/// Finding category (问题类别).
public enum FindingCategory: String, Codable, Sendable, CaseIterable {
    case reportIncomplete = "REPORT_INCOMPLETE", calcError = "CALC_ERROR", scoreOverWeight = "SCORE_OVER_WEIGHT"
    case totalInconsistent = "TOTAL_INCONSISTENT", targetUnclear = "TARGET_UNCLEAR", budgetPrep = "BUDGET_PREP"
    case budgetExecution = "BUDGET_EXECUTION", staffing = "STAFFING", procurement = "PROCUREMENT"
    case tenderDocs = "TENDER_DOCS", fundCompliance = "FUND_COMPLIANCE", assetMgmt = "ASSET_MGMT"
    case disclosure = "DISCLOSURE", evidence = "EVIDENCE", outcomeShortfall = "OUTCOME_SHORTFALL", other = "OTHER"

    public var label: String {
        switch self {
        case .reportIncomplete: "报告不完整"
        case .calcError: "计算错误"
        case .scoreOverWeight: "得分超分值"
        case .totalInconsistent: "总分不一致"
        case .targetUnclear: "目标不明确"
        case .budgetPrep: "预算编制"
        case .budgetExecution: "预算执行"
        case .staffing: "超编"
        case .procurement: "政府采购"
        case .tenderDocs: "招投标资料"
        case .fundCompliance: "资金合规"
        case .assetMgmt: "资产管理"
        case .disclosure: "信息公开"
        case .evidence: "佐证材料"
        case .outcomeShortfall: "产出效益未达标"
        case .other: "其他"
        }
    }
}

/// Where a finding came from.
public enum FindingOrigin: String, Codable, Sendable, CaseIterable {
    case review = "REVIEW", selfReported = "SELF_REPORTED", autoCheck = "AUTO_CHECK"

    /// 复核发现 / 单位自查 / 自动校验.
    public var label: String {
        switch self {
        case .review: "复核发现"
        case .selfReported: "单位自查"
        case .autoCheck: "自动校验"
        }
    }
}

/// 一般 / 严重.
public enum Severity: String, Codable, Sendable, CaseIterable {
    case general = "GENERAL", serious = "SERIOUS"

    /// 一般 / 严重.
    public var label: String { self == .general ? "一般" : "严重" }
}

/// 整改类型: 立行立改 / 限期整改 / 持续整改.
public enum RectType: String, Codable, Sendable, CaseIterable {
    case immediate = "IMMEDIATE", deadline = "DEADLINE", longTerm = "LONG_TERM"

    public var label: String {
        switch self {
        case .immediate: "立行立改"
        case .deadline: "限期整改"
        case .longTerm: "持续整改"
        }
    }
}

/// 三公经费 line category.
public enum ThreePublicCategory: String, Codable, Sendable, CaseIterable {
    case overseas = "OVERSEAS", vehicleTotal = "VEHICLE_TOTAL", vehicleOps = "VEHICLE_OPS"
    case vehiclePurchase = "VEHICLE_PURCHASE", reception = "RECEPTION", meeting = "MEETING", total = "TOTAL"

    public var label: String {
        switch self {
        case .overseas: "因公出国(境)费"
        case .vehicleTotal: "公务用车购置及运行维护费"
        case .vehicleOps: "公务用车运行维护费"
        case .vehiclePurchase: "公务用车购置费"
        case .reception: "公务接待费"
        case .meeting: "会议费"
        case .total: "合计"
        }
    }
}
