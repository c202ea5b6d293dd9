import FuheCore

/// The views and filters of the cross-unit rectification page: a view (全部 / 逾期 / 即将到期 /
/// 督办候选), a status, a type, one responsible unit, an ageing bucket.
struct RectOverviewFilter: Sendable, Equatable {
    enum View: String, CaseIterable, Sendable {
        case all, overdue, dueSoon, escalation

        var label: String {
            switch self {
            case .all: "全部"
            case .overdue: "逾期"
            case .dueSoon: "即将到期"
            case .escalation: "督办候选"
            }
        }
    }

    var view = View.all
    /// nil: every status; "open": every open status.
    var status: String?
    var type: RectType?
    var respUnit: String?
    var bucket: AgeingBucket?

    func matches(_ r: RectRow) -> Bool {
        switch view {
        case .all: break
        case .overdue: if !r.state.isOverdue { return false }
        case .dueSoon: if !r.state.dueSoon { return false }
        case .escalation: if r.reasons.isEmpty { return false }
        }
        if let status {
            if status == "open" { if !r.item.status.isOpen { return false } } else if r.item.status.rawValue != status { return false }
        }
        if let type, r.item.rectType != type { return false }
        if let respUnit, r.item.respUnit != respUnit { return false }
        if let bucket, r.bucket != bucket { return false }
        return true
    }

    /// "逾期 · 整改中 · 限期整改 · 责任单位:岳阳县政务服务中心 · 逾期31–90天".
    var description: String {
        var parts = [view.label]
        if let status { parts.append(status == "open" ? "未完成" : RectStatus(rawValue: status)?.label ?? status) }
        if let type { parts.append(type.label) }
        if let respUnit { parts.append("责任单位:" + respUnit) }
        if let bucket { parts.append(bucket.label) }
        return parts.joined(separator: " · ")
    }

    /// Statuses in the order the status key cycles them.
    static let statusCycle: [String?] = [nil, "open"] + RectStatus.allCases.map(\.rawValue)

    /// As remembered between runs.
    var choice: [String: String] {
        var out = ["view": view.rawValue]
        if let status { out["status"] = status }
        if let type { out["type"] = type.rawValue }
        if let respUnit { out["resp_unit"] = respUnit }
        if let bucket { out["bucket"] = bucket.rawValue }
        return out
    }

    init() {}

    init(choice: [String: String]) {
        view = choice["view"].flatMap(View.init(rawValue:)) ?? .all
        status = choice["status"]
        type = choice["type"].flatMap(RectType.init(rawValue:))
        respUnit = choice["resp_unit"]
        bucket = choice["bucket"].flatMap(AgeingBucket.init(rawValue:))
    }
}
