/// A write refused because something it was based on changed since (compare-and-set): every
/// field that differs, with its value now, as the writer saw it, and as the write proposed.
/// Nothing was written.
public struct StaleWrite: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was refused.
    public enum Action: Sendable, Hashable {
        /// An edit (its base: the fields as seen when the form opened or the key was pressed).
        case edit
        /// Undoing or redoing batch N (its base: what that batch wrote).
        case revert(batch: Int64)
        /// Committing the merge of a copy (its base: the main store's values the plan was made on).
        case merge(leaseID: String)
    }

    public var action: Action
    public var dossierID: String
    /// The fields that changed since, in a stable order (entity, id, field).
    public var fields: [StaleField]

    public init(action: Action, dossierID: String, fields: [StaleField]) {
        self.action = action
        self.dossierID = dossierID
        self.fields = fields.sorted { ($0.key, $0.field) < ($1.key, $1.field) }
    }

    /// One line per field, in Chinese, naming rows and items from `dossier` when given:
    /// "1.1.1 在职人员控制率 · 核实值：现为 120%（李某 2026-11-23 10:02 改），你看到的是（空），你要写（空）".
    public func lines(in dossier: Dossier?) -> [String] {
        fields.map { f in
            let place = ChangeText.place(f.key, in: dossier)
            let by = f.changedBy.map { who in "（\(who)\(f.changedAt.map { " " + ChangeText.minute($0) } ?? "") 改）" } ?? ""
            return "\(place) · \(MergeLabels.field(f.field))：现为 \(ChangeText.value(f.current, field: f.field))\(by)，" +
                "\(seenWord)\(ChangeText.value(f.base, field: f.field))，\(proposedWord)\(ChangeText.value(f.proposed, field: f.field))"
        }
    }

    /// The refusal as one message (the status line shows the first line).
    public func message(in dossier: Dossier?) -> String {
        let head: String
        switch action {
        case .edit: head = "未保存：打开后已有人修改了这些内容，请看清现值后重新输入或放弃"
        case .revert(let batch): head = "不能撤销/重做 #\(batch)：之后已有人修改了这些内容"
        case .merge(let lease): head = "未合并 \(lease)：制定合并方案后主库又被修改，请重新运行 fuhe merge"
        }
        return ([head] + lines(in: dossier)).joined(separator: "\n")
    }

    /// The message on one line (fields separated by "；"), for a status line or a CLI error.
    public var description: String { message(in: nil).split(separator: "\n").joined(separator: "；") }

    private var seenWord: String {
        switch action {
        case .edit: "你看到的是 "
        case .revert: "本会话写的是 "
        case .merge: "方案所据为 "
        }
    }

    private var proposedWord: String {
        switch action {
        case .edit: "你要写 "
        case .revert: "撤销将写 "
        case .merge: "合并将写 "
        }
    }
}

/// One field of a refused write. Values are stored JSON text (nil = absent); `field` is `*` when
/// the whole entity was created or removed.
public struct StaleField: Sendable, Hashable {
    public var key: EntityKey
    public var field: String
    /// As the writer saw it.
    public var base: String?
    /// As it is now.
    public var current: String?
    /// What the write would have written.
    public var proposed: String?
    /// Who wrote the current value, and when (ISO 8601), from the journal.
    public var changedBy: String?
    public var changedAt: String?

    public init(key: EntityKey, field: String, base: String?, current: String?, proposed: String?,
                changedBy: String? = nil, changedAt: String? = nil) {
        self.key = key
        self.field = field
        self.base = base
        self.current = current
        self.proposed = proposed
        self.changedBy = changedBy
        self.changedAt = changedAt
    }

    /// The fields of one entity that conflict: those someone changed since `base` to something
    /// other than `proposed`. The rule of compare-and-set, for every store: a field that already
    /// holds the proposed value is no conflict, and when one side is absent the whole entity (`*`)
    /// is compared. Values are the stored JSON of the entity (nil = absent).
    public static func conflicts(key: EntityKey, base: String?, current: String?, proposed: String?) -> [StaleField] {
        if base == current || current == proposed { return [] }
        guard let base, let current else {
            return [StaleField(key: key, field: "*", base: base, current: current, proposed: proposed)]
        }
        let fb = JSONFields.split(base), fc = JSONFields.split(current)
        let fp = proposed.map(JSONFields.split)
        return Set(fb.keys).union(fc.keys).sorted().compactMap { name in
            let c = fc[name], b = fb[name]
            guard c != b else { return nil }
            if let fp, fp[name] == c { return nil }
            return StaleField(key: key, field: name, base: b, current: c, proposed: fp?[name])
        }
    }
}

/// Why an undo or redo was refused (besides `StaleWrite`, when someone changed the fields since).
public enum UndoRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The batch was written by another session: undo only takes back this session's own edits.
    case otherSession(batch: Int64, actor: String)
    /// The batch does not exist, spans several dossiers (an import) or changed nothing revertible.
    case notRevertible(batch: Int64)

    public var description: String {
        switch self {
        case .otherSession(let batch, let actor): "不能撤销 #\(batch)：那是 \(actor) 在另一会话中的修改，撤销只撤回本会话自己的修改"
        case .notRevertible(let batch): "不能撤销 #\(batch)：它不是一次可撤回的修改"
        }
    }
}
