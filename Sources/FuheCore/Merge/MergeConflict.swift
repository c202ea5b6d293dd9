/// Why two sides could not be merged automatically.
public enum ConflictKind: Sendable, Hashable {
    /// Both sides changed the same field(s) to different values.
    case bothChanged
    /// One side removed the entity, the other changed it (or both created it differently).
    case entity
    /// The field-by-field merge would break a rule (the rule's message), so the whole entity is decided.
    case brokenRule(String)
    /// The main store's review of this dossier is finalized; a copy's change needs a decision.
    case finalizedInMain

    /// A short Chinese explanation for the conflict pane and the plan.
    public var label: String {
        switch self {
        case .bothChanged: "两边都改了"
        case .entity: "一边删除/新建，另一边修改"
        case .brokenRule(let message): "逐字段合并会违反规则：\(message)"
        case .finalizedInMain: "主库已定稿"
        }
    }
}

/// One conflict: the fields of one entity that must be decided together, with the base, main
/// and copy values of the primary field (JSON text; nil = absent). `fields == ["*"]` decides the
/// whole entity.
public struct MergeConflict: Sendable, Hashable, Identifiable {
    public var key: EntityKey
    public var fields: [String]
    public var kind: ConflictKind
    public var base: String?
    public var main: String?
    public var copy: String?

    public init(key: EntityKey, fields: [String], kind: ConflictKind, base: String?, main: String?, copy: String?) {
        self.key = key
        self.fields = fields
        self.kind = kind
        self.base = base
        self.main = main
        self.copy = copy
    }

    public var id: String { key.description + "#" + primary }
    public var primary: String { fields.first ?? "*" }
    public var isWholeEntity: Bool { primary == "*" }
}

/// How the user decided a conflict.
public enum MergeDecision: Sendable, Hashable {
    case main
    case copy
    /// A value typed by the user for the primary field (JSON text); the rest of the group comes
    /// from the copy.
    case value(String)
}

/// One field that the merge changes in the main store, for the plan (`--dry-run`).
public struct PlannedChange: Sendable, Hashable {
    public var key: EntityKey
    /// Top-level field, or `*` when the entity is created or removed.
    public var field: String
    public var old: String?
    public var new: String?

    public init(key: EntityKey, field: String, old: String?, new: String?) {
        self.key = key
        self.field = field
        self.old = old
        self.new = new
    }
}
