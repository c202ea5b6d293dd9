/// The checks of an offline copy that do not depend on where the main store lives: its journal
/// indexed for attribution, edits made outside Fuhe, the digest of its base, merged entities
/// against the rules, and which dossiers main has finalized since. `fuhe merge` on a local store
/// and on a server ask these same functions.
public enum CopyChecks {
    /// SHA-256 over the snapshot in key order: equal snapshots, equal digests.
    public static func digest(_ snapshot: EntitySnapshot) -> String { digest(snapshot, using: SHA256.self) }

    /// The same with the SHA-256 `hasher` (the same digest from every implementation).
    public static func digest<H: SHA256Hashing>(_ snapshot: EntitySnapshot, using: H.Type) -> String {
        var hasher = H()
        // The same bytes as "dossier␟entity␟id␟" + value + "␞", fed piece by piece (no string
        // or array made per entity).
        for (key, value) in snapshot.sorted(by: { $0.key < $1.key }) {
            hasher.update(key.dossierID)
            hasher.update(byte: 0x1F)
            hasher.update(key.entity)
            hasher.update(byte: 0x1F)
            hasher.update(key.id)
            hasher.update(byte: 0x1F)
            hasher.update(value)
            hasher.update(byte: 0x1E)
        }
        return hasher.finalizeHex()
    }

    /// The first value the copy changed since checkout that its journal does not record (edited
    /// outside Fuhe), as the refusal's sentence; nil when every change is journalled.
    public static func unjournalled(base: EntitySnapshot, copy: EntitySnapshot, journal: CopyJournal, file: String) -> String? {
        // Most entities are unchanged: equal bytes are equal text, found without comparing the
        // (mostly Chinese) texts character by character; unequal bytes are compared as before.
        func differs(_ a: String?, _ b: String?) -> Bool { !StoredTextEquality.same(a, b) }
        // Only the changed entities are sorted (the first problem in key order is the one named).
        var changed = copy.keys.filter { base[$0] == nil }
        for (key, text) in base where differs(text, copy[key]) { changed.append(key) }
        for key in changed.sorted() {
            guard let now = copy[key] else {
                guard let w = journal.whole[key], w.record.new == nil else {
                    return tr("\(file) 被篡改过：\(key) 被删除却没有日志条目", "\(file) was tampered with: \(key) was removed without a journal entry")
                }
                continue
            }
            // The fields that differ, in order (every field of an entity the copy created).
            let fields = base[key].map { FieldDiff.changes(old: $0, new: now) }
                ?? JSONFields.split(now).sorted { $0.key < $1.key }.map { FieldDiff.Change(field: $0.key, old: nil, new: $0.value) }
            for field in fields {
                guard let recorded = journal.journalledValue(of: key, field: field.field), recorded == field.new else {
                    return tr("\(file) 被篡改过：\(key) 的字段 \(field.field) 被改动却没有日志条目", "\(file) was tampered with: \(key) field \(field.field) was changed without a journal entry")
                }
            }
        }
        return nil
    }

    /// Dossiers whose review main finalized after the checkout: every change the copy would make
    /// to them is a conflict.
    public static func finalizedSince(base: EntitySnapshot, main: EntitySnapshot, dossierIDs: [String]) -> Set<String> {
        var locked = Set<String>()
        for d in dossierIDs {
            let key = EntityKey(dossierID: d, entity: "review", id: d)
            if let json = main[key], json != base[key], (try? StoredJSON.decode(Review.self, json))?.status == .finalized {
                locked.insert(d)
            }
        }
        return locked
    }

    /// What a stored row of one dossier is checked against.
    public struct RowRules: Sendable {
        public var template: IndicatorTemplate
        public var evaluation: SelfEvaluation
        public init(template: IndicatorTemplate, evaluation: SelfEvaluation) {
            self.template = template
            self.evaluation = evaluation
        }
    }

    /// Decodes a merged entity and applies the rules a store applies to an edit; with each
    /// dossier's template and self-evaluation header, a merged or typed review score meets the
    /// same rules as one typed in the workstation.
    public static func validator(rowRules: [String: RowRules]) -> ThreeWayMerge.Validator {
        { key, json in
            do {
                switch try StoreChange.making(entity: key.entity, entityID: key.id, json: json) {
                case .item(let item):
                    if let problem = ItemRules.validate(item).first(where: { $0.level == .error }) { return "\(problem.message) (\(problem.code))" }
                case .result(let r) where r.nodeID != key.id:
                    return "row \(r.nodeID) stored under \(key.id)"
                case .result(let r):
                    if let rules = rowRules[key.dossierID],
                       let problem = StoredRules.rowProblems(r, template: rules.template, evaluation: rules.evaluation).first {
                        return "\(problem.message) (\(problem.code))"
                    }
                default: break
                }
                return nil
            } catch {
                return "not a valid \(key.entity): \(error)"
            }
        }
    }

    /// Compare-and-set for a merge's commit: every entity it writes must still hold the main
    /// value the plan was made on.
    public static func stale(_ finals: [EntityKey: String?], plan: MergePlan, current: (EntityKey) throws -> String?) throws -> [StaleField] {
        var stale: [StaleField] = []
        for key in finals.keys.sorted() {
            let planned = plan.mainValue(of: key)
            let now = try current(key)
            if now != planned {
                stale += StaleField.conflicts(key: key, base: planned, current: now, proposed: finals[key] ?? nil)
            }
        }
        return stale
    }
}

/// The copy's journal indexed for attribution: the latest entry per entity field and per whole entity.
public struct CopyJournal: Sendable {
    public var field: [EntityKey: [String: JournalEntry]] = [:]
    public var whole: [EntityKey: JournalEntry] = [:]

    public init(_ entries: [JournalEntry]) {
        for e in entries {
            guard let d = e.record.dossierID else { continue }
            let key = EntityKey(dossierID: d, entity: e.record.entity, id: e.record.entityID)
            if e.record.field == "*" { whole[key] = e } else { field[key, default: [:]][e.record.field] = e }
        }
    }

    /// The entry that set `field` of `key` last (a whole-entity entry counts for every field).
    public func setter(of key: EntityKey, field name: String) -> JournalEntry? {
        let f = field[key]?[name], w = whole[key]
        switch (f, w) {
        case let (f?, w?): return f.seq > w.seq ? f : w
        default: return f ?? w
        }
    }

    /// The value the journal says the field has now (JSON text; nil = absent).
    public func journalledValue(of key: EntityKey, field name: String) -> String?? {
        guard let e = setter(of: key, field: name) else { return nil }
        if e.record.field == "*" { return .some(e.record.new.flatMap { JSONFields.split($0)[name] }) }
        return .some(e.record.new)
    }
}
