import Foundation

/// Rectification status (spec §2.4.3).
public enum RectStatus: String, Codable, Sendable, CaseIterable {
    case pending = "PENDING", inProgress = "IN_PROGRESS", submitted = "SUBMITTED", longTerm = "LONG_TERM"
    case closed = "CLOSED", withdrawn = "WITHDRAWN"

    public var label: String {
        switch self {
        case .pending: "待整改"
        case .inProgress: "整改中"
        case .submitted: "待销号"
        case .longTerm: "持续整改"
        case .closed: "已销号"
        case .withdrawn: "已撤销"
        }
    }

    /// Still needs work or verification.
    public var isOpen: Bool { self != .closed && self != .withdrawn }
}

/// 整改进度: one progress entry.
public struct ProgressEntry: Hashable, Sendable, Codable {
    public var date: CalendarDay
    public var text: String
    public var by: String
    public var percent: Int?

    public init(date: CalendarDay, text: String, by: String, percent: Int? = nil) {
        self.date = date
        self.text = text
        self.by = by
        self.percent = percent
    }
}

/// A logged deadline extension.
public struct DeadlineChange: Hashable, Sendable, Codable {
    public var old: CalendarDay
    public var new: CalendarDay
    public var reason: String
    public var by: String
    public var on: CalendarDay

    public init(old: CalendarDay, new: CalendarDay, reason: String, by: String, on: CalendarDay) {
        self.old = old
        self.new = new
        self.reason = reason
        self.by = by
        self.on = on
    }
}

/// 整改事项: a rectification item followed to 销号.
public struct RectificationItem: Hashable, Sendable, Identifiable, Codable {
    public var id: String
    public var findingID: String
    /// 序号 in the ledger.
    public var seq: Int
    public var measure: String
    public var rectType: RectType
    public var respUnit: String
    public var respPerson: String
    public var respLeader: String?
    public var createdOn: CalendarDay
    public var deadline: CalendarDay
    public var nextCheckOn: CalendarDay?
    public var status: RectStatus
    public var progress: [ProgressEntry]
    public var completionDesc: String?
    public var submittedOn: CalendarDay?
    public var deadlineHistory: [DeadlineChange]
    public var evidenceIDs: [String]
    public var closedBy: String?
    public var closedOn: CalendarDay?
    public var closureNote: String?
    public var returnCount: Int
    /// Day the LONG_TERM status (and its next check) was last set.
    public var longTermSince: CalendarDay?
    /// 约谈 / 通报 / 问责 taken on the item, oldest first (nil: none; see `EscalationRules`).
    public var escalations: [Escalation]?

    public init(id: String, findingID: String, seq: Int, measure: String, rectType: RectType = .deadline,
                respUnit: String, respPerson: String, respLeader: String? = nil, createdOn: CalendarDay,
                deadline: CalendarDay, nextCheckOn: CalendarDay? = nil, status: RectStatus = .pending,
                progress: [ProgressEntry] = [], completionDesc: String? = nil, submittedOn: CalendarDay? = nil,
                deadlineHistory: [DeadlineChange] = [], evidenceIDs: [String] = [], closedBy: String? = nil,
                closedOn: CalendarDay? = nil, closureNote: String? = nil, returnCount: Int = 0,
                longTermSince: CalendarDay? = nil) {
        self.id = id
        self.findingID = findingID
        self.seq = seq
        self.measure = measure
        self.rectType = rectType
        self.respUnit = respUnit
        self.respPerson = respPerson
        self.respLeader = respLeader
        self.createdOn = createdOn
        self.deadline = deadline
        self.nextCheckOn = nextCheckOn
        self.status = status
        self.progress = progress
        self.completionDesc = completionDesc
        self.submittedOn = submittedOn
        self.deadlineHistory = deadlineHistory
        self.evidenceIDs = evidenceIDs
        self.closedBy = closedBy
        self.closedOn = closedOn
        self.closureNote = closureNote
        self.returnCount = returnCount
        self.longTermSince = longTermSince
    }

    /// The escalations taken, oldest first.
    public var escalationRecords: [Escalation] { escalations ?? [] }

    /// The day of the latest progress entry, if any.
    public var lastProgressOn: CalendarDay? { progress.map(\.date).max() }
}

/// 约谈 / 通报 / 问责: what a supervisor may do about an item that is not being rectified (P6).
public enum EscalationKind: String, Codable, Sendable, CaseIterable {
    case interview = "INTERVIEW", notice = "NOTICE", accountability = "ACCOUNTABILITY"

    public var label: String {
        switch self {
        case .interview: "约谈"
        case .notice: "通报"
        case .accountability: "问责"
        }
    }
}

/// One escalation recorded on an item: what, when, by whom, why (拒不整改, 推诿整改, 敷衍整改,
/// 虚假整改, 逾期未整改 …) and, for 约谈/问责, whom.
public struct Escalation: Hashable, Sendable, Codable {
    public var kind: EscalationKind
    public var date: CalendarDay
    public var by: String
    public var reason: String
    public var target: String?

    public init(kind: EscalationKind, date: CalendarDay, by: String, reason: String, target: String? = nil) {
        self.kind = kind
        self.date = date
        self.by = by
        self.reason = reason
        self.target = target
    }
}
