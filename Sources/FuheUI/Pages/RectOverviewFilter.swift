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

    /// Whether an item of the table, standing so on the day, is shown.
    func matches(_ row: ItemTable.Row, _ standing: ItemStanding, in table: ItemTable) -> Bool {
        matches(status: row.facts.status, type: row.rectType, standing: standing) { table.text(row.respUnit, is: $0) }
    }

    /// The same for a whole row.
    func matches(_ r: RectRow) -> Bool {
        matches(status: r.item.status, type: r.item.rectType, standing: ItemStanding(state: r.state, bucket: r.bucket, reasons: r.reasons)) {
            r.item.respUnit == $0
        }
    }

    private func matches(status itemStatus: RectStatus, type itemType: RectType, standing: ItemStanding, respUnitIs: (String) -> Bool) -> Bool {
        switch view {
        case .all: break
        case .overdue: if !standing.state.isOverdue { return false }
        case .dueSoon: if !standing.state.dueSoon { return false }
        case .escalation: if standing.reasons.isEmpty { return false }
        }
        if let status {
            if status == "open" { if !itemStatus.isOpen { return false } } else if itemStatus.rawValue != status { return false }
        }
        if let type, itemType != type { return false }
        if let respUnit, !respUnitIs(respUnit) { return false }
        if let bucket, standing.bucket != bucket { return false }
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
