/// The field-level three-way merge of base (what the copy was taken from), main and copy.
/// Non-conflicting changes apply; a field both sides changed differently becomes a conflict that
/// must be decided (`MergePlan.resolve`) — it is never guessed.
public enum ThreeWayMerge {
    /// Checks one merged entity (JSON text) against the model and its rules; returns the
    /// problem, or nil when it is valid.
    public typealias Validator = @Sendable (EntityKey, String) -> String?

    /// Plans the merge. `locked` names dossiers whose review is finalized in main: every change
    /// the copy would make there becomes a conflict.
    public static func plan(base: EntitySnapshot, main: EntitySnapshot, copy: EntitySnapshot, locked: Set<String> = [],
                            validate: @escaping Validator) -> MergePlan {
        var entities: [EntityKey: EntityMerge] = [:]
        // Every key of base, then the copy's new ones (no set of all keys built); unchanged
        // entities, most of them, are found by their bytes (`StoredTextEquality`).
        func consider(_ key: EntityKey, _ b: String?, _ c: String?) {
            let m = main[key]
            if StoredTextEquality.same(c, b) || StoredTextEquality.same(m, c) { return }
            var merge: EntityMerge
            if StoredTextEquality.same(m, b) {
                merge = EntityMerge(key: key, base: b, main: m, copy: c, whole: c)
            } else if let m, let c {
                // Changed on both sides, or created on both (a review header started at two
                // sites): merged field by field, a created entity against an empty base.
                merge = fieldMerge(key: key, base: b, main: m, copy: c, validate: validate)
            } else {
                merge = EntityMerge(key: key, base: b, main: m, copy: c, whole: nil)
                merge.conflicts = [MergeConflict(key: key, fields: ["*"], kind: .entity, base: b, main: m, copy: c)]
            }
            if locked.contains(key.dossierID) {
                // The copy side of the decision is what the merge would have made of it.
                let proposed = merge.resolved(Dictionary(uniqueKeysWithValues: merge.conflicts.map { ($0.id, .copy) })) ?? c
                merge.whole = nil
                merge.conflicts = [MergeConflict(key: key, fields: ["*"], kind: .finalizedInMain, base: b, main: m, copy: proposed)]
            }
            entities[key] = merge
        }
        for (key, b) in base { consider(key, b, copy[key]) }
        for (key, c) in copy where base[key] == nil { consider(key, nil, c) }
        return MergePlan(entities: entities, validate: validate)
    }

    static func fieldMerge(key: EntityKey, base: String?, main: String, copy: String, validate: Validator) -> EntityMerge {
        let fb = JSONFields.split(base), fm = JSONFields.split(main), fc = JSONFields.split(copy)
        var merged = fm
        var conflicting: [String] = []
        // A group both sides changed — in any of its fields — is decided as a whole, even when
        // no single field changed on both sides (a score here, its reason or verified actual there).
        var groupConflicts = Set<String>()
        for group in MergeFieldGroups.groups[key.entity] ?? [] {
            let mainChanged = group.contains { fm[$0] != fb[$0] }
            let copyChanged = group.contains { fc[$0] != fb[$0] }
            if mainChanged && copyChanged && group.contains(where: { fm[$0] != fc[$0] }) { groupConflicts.formUnion(group) }
        }
        for field in Set(fb.keys).union(fm.keys).union(fc.keys).sorted() {
            let vb = fb[field], vm = fm[field], vc = fc[field]
            if groupConflicts.contains(field) {
                if vb != vm || vb != vc { conflicting.append(field) }
                continue
            }
            if vc == vb || vm == vc { continue }
            if vm == vb { merged[field] = vc; continue }
            if MergeFieldGroups.appendLists.contains(field), let list = appendMerge(vb, vm, vc) {
                merged[field] = list; continue
            }
            if MergeFieldGroups.setLists.contains(field), let list = setMerge(vb, vm, vc) {
                merged[field] = list; continue
            }
            if MergeFieldGroups.earliest.contains(field), vb == nil, let vm, let vc {
                merged[field] = min(vm, vc); continue
            }
            conflicting.append(field)
        }
        var result = EntityMerge(key: key, base: base, main: main, copy: copy, whole: nil)
        result.fields = merged
        var seen = Set<String>()
        for field in conflicting where !seen.contains(field) {
            // The group's fields that differ anywhere, in group order (the conflicting field is one).
            let members = MergeFieldGroups.group(of: field, entity: key.entity).filter { fb[$0] != fm[$0] || fb[$0] != fc[$0] }
            members.forEach { seen.insert($0) }
            let primary = members.first ?? field
            result.conflicts.append(MergeConflict(key: key, fields: members, kind: .bothChanged,
                                                  base: fb[primary], main: fm[primary], copy: fc[primary]))
        }
        // Either way a conflict is decided, the merged entity must be valid; otherwise the
        // whole entity is decided instead (each side on its own is valid).
        for side in [MergeDecision.main, .copy] {
            let decisions = Dictionary(uniqueKeysWithValues: result.conflicts.map { ($0.id, side) })
            if case .some(.some(let json)) = result.resolved(decisions), let problem = validate(key, json) {
                result.fields = [:]
                result.conflicts = [MergeConflict(key: key, fields: ["*"], kind: .brokenRule(problem), base: base, main: main, copy: copy)]
                break
            }
        }
        return result
    }

    /// Both sides appended to a list that only grows: base, then main's additions, then the
    /// copy's additions that main does not already have. Nil when either side rewrote the base part.
    static func appendMerge(_ b: String?, _ m: String?, _ c: String?) -> String? {
        guard let lb = JSONFields.elements(b), let lm = JSONFields.elements(m), let lc = JSONFields.elements(c),
              lm.starts(with: lb), lc.starts(with: lb) else { return nil }
        let mainAdded = lm.dropFirst(lb.count)
        let copyAdded = lc.dropFirst(lb.count).filter { !mainAdded.contains($0) }
        return JSONFields.array(lb + mainAdded + copyAdded)
    }

    /// Three-way merge of a list used as a set: kept when neither side removed it, added when
    /// either side added it.
    static func setMerge(_ b: String?, _ m: String?, _ c: String?) -> String? {
        guard let lb = JSONFields.elements(b), let lm = JSONFields.elements(m), let lc = JSONFields.elements(c) else { return nil }
        let base = Set(lb), copy = Set(lc)
        var out = lm.filter { copy.contains($0) || !base.contains($0) }
        for e in lc where !base.contains(e) && !out.contains(e) { out.append(e) }
        return JSONFields.array(out)
    }
}

/// The merge of one entity: either a whole replacement (main was unchanged), or merged fields plus
/// conflicts to decide.
struct EntityMerge: Sendable, Hashable {
    var key: EntityKey
    var base: String?
    var main: String?
    var copy: String?
    /// Set when main did not change the entity: the copy's version (nil = removed).
    var whole: String??
    var fields: [String: String] = [:]
    var conflicts: [MergeConflict] = []

    init(key: EntityKey, base: String?, main: String?, copy: String?, whole: String??) {
        self.key = key
        self.base = base
        self.main = main
        self.copy = copy
        self.whole = whole
    }

    /// The entity after the decisions (nil = removed); nil result when a decision is missing.
    func resolved(_ decisions: [String: MergeDecision]) -> String?? {
        if let whole { return .some(whole) }
        var fields = self.fields
        let fm = JSONFields.split(main), fc = JSONFields.split(copy)
        for conflict in conflicts {
            guard let decision = decisions[conflict.id] else { return nil }
            if conflict.isWholeEntity {
                switch decision {
                case .main: return .some(conflict.main)
                case .copy: return .some(conflict.copy)
                case .value(let json): return .some(json)
                }
            }
            for field in conflict.fields {
                let source: String?
                switch decision {
                case .main: source = fm[field]
                case .copy: source = fc[field]
                case .value(let json): source = field == conflict.primary ? json : fc[field]
                }
                fields[field] = source
            }
        }
        return .some(JSONFields.join(fields))
    }
}
