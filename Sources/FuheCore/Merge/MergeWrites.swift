/// Committing a merge, the parts every store shares: the writes that make a dossier's entities
/// equal to the merged ones in an order the rules accept, and who each merged field is
/// attributed to in the journal.
public enum MergeWrites {
    /// One write: a model change, or a scoresheet row written as the copy stored it.
    public enum Write: Sendable {
        case change(StoreChange)
        case raw(EntityKey, String)
    }

    /// Findings before the items that cite them; items removed before their findings. An item or
    /// finding created in the copy whose number (序号) is taken in main gets the next free one.
    /// `exists` says whether main holds the entity now; `decoded` gives changes decoded ahead.
    public static func ordered(_ finals: [EntityKey: String?], plan: MergePlan, exists: (EntityKey) throws -> Bool,
                               itemSeqs: Set<Int>, findingSeqs: Set<Int>, decoded: (EntityKey, String) -> StoreChange?,
                               decodeResult: ((String) throws -> IndicatorResult)? = nil) throws -> [Write] {
        var itemSeqs = itemSeqs, findingSeqs = findingSeqs
        let order = ["evidence", "finding", "result", "item", "review", "evaluation"]
        var upserts: [Write] = []
        var removals: [StoreChange] = []
        for key in finals.keys.sorted(by: { (order.firstIndex(of: $0.entity) ?? 9, $0.id) < (order.firstIndex(of: $1.entity) ?? 9, $1.id) }) {
            let json = finals[key] ?? nil
            // A row taken as the copy stored it is written as it is, once it decodes.
            if let json, key.entity == "result", json == plan.copyValue(of: key) {
                let row: IndicatorResult
                if case .result(let r)? = decoded(key, json) { row = r } else {
                    row = try decodeResult?(json) ?? StoredJSON.decode(IndicatorResult.self, json)
                }
                guard row.nodeID == key.id else { throw MergeWriteError.rowUnderAnotherKey(row: row.nodeID, key: key.id) }
                upserts.append(.raw(key, json))
                continue
            }
            let isNew = try !exists(key)
            var change = try json.flatMap { decoded(key, $0) }
                ?? StoreChange.making(entity: key.entity, entityID: key.id, json: json, decodeResult: decodeResult)
            switch change {
            case .item(var item) where isNew:
                if itemSeqs.contains(item.seq) { item.seq = try nextNumber(after: itemSeqs, key.dossierID) }
                itemSeqs.insert(item.seq)
                change = .item(item)
            case .finding(var finding) where isNew:
                if findingSeqs.contains(finding.seq) { finding.seq = try nextNumber(after: findingSeqs, key.dossierID) }
                findingSeqs.insert(finding.seq)
                change = .finding(finding)
            default: break
            }
            if json == nil { removals.append(change) } else { upserts.append(.change(change)) }
        }
        let removalOrder = ["item", "evidence", "finding"]
        removals.sort { removalOrder.firstIndex(of: $0.entity) ?? 9 < removalOrder.firstIndex(of: $1.entity) ?? 9 }
        return upserts + removals.map { .change($0) }
    }

    /// The next free 序号 of a dossier (refused when none is left, never a trap).
    static func nextNumber(after used: Set<Int>, _ dossierID: String) throws(MergeWriteError) -> Int {
        guard let next = Numbering.next(after: used) else { throw .numbersExhausted(dossierID: dossierID) }
        return next
    }

    /// Who a merged field is attributed to: a decided conflict to the person merging (origin
    /// `merge:L-n`, reason 取主库 / 取副本 / 人工改值); a field set at the site to whoever set it
    /// there, at that time, with that reason (origin `copy:L-n`); anything else to the merge.
    public static func attribution(key: EntityKey, field: String, decided: [EntityKey: [String: MergeDecision]], journal: CopyJournal,
                                   actor: String, leaseID: String) -> (actor: String, origin: String, reason: String?, at: String?) {
        if let decision = decided[key]?[field] ?? decided[key]?["*"] {
            let what = switch decision {
            case .main: "取主库"
            case .copy: "取副本"
            case .value: "人工改值"
            }
            return (actor, "merge:\(leaseID)", "合并冲突：\(what)", nil)
        }
        if let setter = journal.setter(of: key, field: field) {
            return (setter.record.actor, "copy:\(leaseID)", setter.record.reason, setter.at)
        }
        return (actor, "merge:\(leaseID)", "合并", nil)
    }

    /// Each decided conflict's fields, by entity.
    public static func decidedFields(_ plan: MergePlan, _ decisions: [String: MergeDecision]) -> [EntityKey: [String: MergeDecision]] {
        var decided: [EntityKey: [String: MergeDecision]] = [:]
        for c in plan.conflicts {
            guard let d = decisions[c.id] else { continue }
            for f in c.fields { decided[c.key, default: [:]][f] = d }
        }
        return decided
    }
}

/// A merged value that cannot be written.
public enum MergeWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    case rowUnderAnotherKey(row: String, key: String)
    case numbersExhausted(dossierID: String)

    /// The refusal's code: a tampered copy (M-004), or no number left (N-001).
    public var code: String {
        switch self {
        case .rowUnderAnotherKey: "M-004"
        case .numbersExhausted: "N-001"
        }
    }

    public var description: String {
        switch self {
        case let .rowUnderAnotherKey(row, key): tr("副本中指标行 \(row) 被存在 \(key) 名下", "row \(row) stored under \(key) in the copy")
        case let .numbersExhausted(d):
            tr("档案 \(d) 的序号已用到 \(Numbering.range.upperBound)，没有可用的序号", "dossier \(d) has used every number up to \(Numbering.range.upperBound)")
        }
    }
}
