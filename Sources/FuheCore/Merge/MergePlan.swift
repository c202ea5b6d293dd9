/// What merging a copy would do: the changes that apply on their own, and the conflicts that
/// need a decision. `resolve` turns decisions into the final entities to write.
public struct MergePlan: Sendable {
    let entities: [EntityKey: EntityMerge]
    let validate: ThreeWayMerge.Validator

    init(entities: [EntityKey: EntityMerge], validate: @escaping ThreeWayMerge.Validator) {
        self.entities = entities
        self.validate = validate
    }

    /// Every conflict, in a stable order (dossier, entity, id, field).
    public var conflicts: [MergeConflict] {
        entities.keys.sorted().flatMap { entities[$0]?.conflicts ?? [] }
    }

    /// The field changes that apply without a decision, in a stable order. Fields of conflicting
    /// groups are left out (they show as conflicts).
    public var changes: [PlannedChange] {
        var out: [PlannedChange] = []
        for key in entities.keys.sorted() {
            guard let e = entities[key] else { continue }
            if let whole = e.whole {
                out += Self.diff(key: key, old: e.main, new: whole)
            } else if !e.conflicts.contains(where: \.isWholeEntity) {
                let decided = Set(e.conflicts.flatMap(\.fields))
                let fm = JSONFields.split(e.main)
                for field in e.fields.keys.sorted() where fm[field] != e.fields[field] && !decided.contains(field) {
                    out.append(PlannedChange(key: key, field: field, old: fm[field], new: e.fields[field]))
                }
            }
        }
        return out
    }

    /// The copy's stored text of an entity the merge touches (nil when absent or untouched).
    public func copyValue(of key: EntityKey) -> String? { entities[key]?.copy }

    /// The main store's text of an entity the merge touches, as the plan saw it (nil when absent
    /// or untouched): what the commit compares against.
    public func mainValue(of key: EntityKey) -> String? { entities[key]?.main }

    /// Nothing to merge: the copy changed nothing that main does not already have.
    public var isEmpty: Bool { entities.isEmpty }

    /// Entities touched by the merge.
    public var entityCount: Int { entities.count }

    /// The final value of every entity the merge changes in main (nil = remove it). Throws when a
    /// conflict has no decision or a decided entity breaks a rule.
    public func resolve(_ decisions: [String: MergeDecision]) throws -> [EntityKey: String?] {
        var out: [EntityKey: String?] = [:]
        for key in entities.keys.sorted() {
            guard let e = entities[key] else { continue }
            guard let final = e.resolved(decisions) else {
                let missing = e.conflicts.first { decisions[$0.id] == nil }
                throw MergeFailure.undecided(missing?.id ?? key.description)
            }
            // A side's own version is valid as it stands; what the merge put together is checked.
            if e.whole == nil, let json = final, final != e.main, final != e.copy, let problem = validate(key, json) {
                throw MergeFailure.invalid(key: key, problem: problem)
            }
            if final != e.main { out[key] = final }
        }
        return out
    }

    /// The rule a decision would break, checked before it is accepted (the conflict pane asks as
    /// soon as a value is typed): the conflict's entity is resolved with `decisions` (undecided
    /// conflicts of the same entity as the copy has them) and validated like any write. Nil when
    /// it is fine.
    public func problem(deciding conflictID: String, with decisions: [String: MergeDecision]) -> String? {
        guard let e = entities.values.first(where: { $0.conflicts.contains { $0.id == conflictID } }) else { return nil }
        var complete = decisions
        for c in e.conflicts where complete[c.id] == nil { complete[c.id] = .copy }
        guard case .some(.some(let json)) = e.resolved(complete), json != e.main, json != e.copy else { return nil }
        return validate(e.key, json)
    }

    /// Decisions that take one side for every conflict (`--prefer main|copy`).
    public func decisions(preferring side: MergeDecision) -> [String: MergeDecision] {
        Dictionary(uniqueKeysWithValues: conflicts.map { ($0.id, side) })
    }

    static func diff(key: EntityKey, old: String?, new: String?) -> [PlannedChange] {
        if old == nil || new == nil { return [PlannedChange(key: key, field: "*", old: old, new: new)] }
        let fo = JSONFields.split(old), fn = JSONFields.split(new)
        return Set(fo.keys).union(fn.keys).sorted().compactMap { f in
            fo[f] == fn[f] ? nil : PlannedChange(key: key, field: f, old: fo[f], new: fn[f])
        }
    }
}

/// Why a merge plan could not be resolved.
public enum MergeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case undecided(String)
    case invalid(key: EntityKey, problem: String)

    public var description: String {
        switch self {
        case .undecided(let id): tr("冲突 \(id) 还没有决定", "conflict \(id) has no decision")
        case .invalid(let key, let problem): "\(key): \(problem)"
        }
    }
}
