import Foundation
import FuheCore
import TermCore

extension CommandID {
    public static let mergeTakeMain = CommandID("merge.take-main")
    public static let mergeTakeCopy = CommandID("merge.take-copy")
    public static let mergeRestMain = CommandID("merge.rest-main")
    public static let mergeRestCopy = CommandID("merge.rest-copy")
    public static let mergeEdit = CommandID("merge.edit")
    public static let mergeFinish = CommandID("merge.finish")
    public static let mergeCancel = CommandID("merge.cancel")
}

extension CommandScope {
    public static let conflict = CommandScope("conflict", title: "合并冲突 Merge conflicts（fuhe merge）", rank: 70)
}

/// The conflict pane of `fuhe merge`: every conflict of a merge with its base, main and copy
/// values side by side; the user takes one side or types a value for each, then merges (all
/// decided) or cancels (nothing written). A pure state machine: keys in, `render()` out.
public struct ConflictPane: Sendable {
    /// One conflict as shown: where it is, which field, and the three values as text.
    public struct Row: Sendable, Hashable {
        public var conflict: MergeConflict
        public var place: String
        public var field: String
        public var base: String
        public var main: String
        public var copy: String
        /// Extra fields decided with the primary one ("复核人、复核时间").
        public var companions: String

        public init(conflict: MergeConflict, dossier: Dossier?) {
            self.conflict = conflict
            place = MergeLabels.entity(conflict.key, in: dossier)
            field = MergeLabels.field(conflict.primary)
            base = JournalText.value(conflict.base, entity: conflict.key.entity, field: conflict.primary)
            main = JournalText.value(conflict.main, entity: conflict.key.entity, field: conflict.primary)
            copy = JournalText.value(conflict.copy, entity: conflict.key.entity, field: conflict.primary)
            companions = conflict.fields.dropFirst().map(MergeLabels.field).joined(separator: "、")
        }

        /// Whether a typed value can decide it: text fields and the review score.
        var editable: Bool {
            !conflict.isWholeEntity && (conflict.primary == "reviewScore" || Self.textFields.contains(conflict.primary))
        }

        static let textFields: Set<String> = ["deductionReason", "reviewNote", "measure", "completionDesc", "closureNote", "description",
                                              "recommendation", "conclusion", "respUnit", "respPerson", "respLeader", "title", "locator"]
    }

    /// How the pane ended.
    public enum Outcome: Sendable, Equatable {
        case merge([String: MergeDecision])
        case cancel
    }

    public var width: Int
    public var height: Int
    public let title: String
    public let automatic: Int
    public var rows: [Row]
    public var decisions: [String: MergeDecision] = [:]
    public var cursor = 0
    public var editor: LineEditor?
    public var message: String?
    public private(set) var outcome: Outcome?
    var confirmingCancel = false
    /// The keys in force.
    public var keymap = Keymap.standard

    /// Its keys, in the one registry (scope `conflict`); j/k/g/G are the global cursor commands
    /// and the value editor takes the text commands.
    static let commands: [Command<ConflictPane, ConflictPane>] = [
        command(.mergeTakeMain, [.character("m"), .character("1")], "取主库的值，到下一个未决定的冲突") { $0.decide(.main) },
        command(.mergeTakeCopy, [.character("c"), .character("2")], "取副本的值，到下一个未决定的冲突") { $0.decide(.copy) },
        command(.mergeRestMain, [.character("M")], "其余未决定的冲突都取主库") { $0.decideRest(.main) },
        command(.mergeRestCopy, [.character("C")], "其余未决定的冲突都取副本") { $0.decideRest(.copy) },
        command(.mergeEdit, [.character("e"), .enter], "改值：输入新的值（文本字段和复核分）") { $0.startEditing() },
        command(.mergeFinish, [.character("a"), .ctrl("s")], "合并：全部决定后写入") { $0.finish() },
        command(.mergeCancel, [.character("q"), .escape], "放弃合并（已有决定时连按两次；什么都不写入）") { $0.cancel() },
    ]

    private static func command(_ id: CommandID, _ keys: [KeyEvent], _ help: String,
                                run: @escaping @Sendable (inout ConflictPane) -> Void) -> Command<ConflictPane, ConflictPane> {
        Command(spec: CommandSpec(id: id, keys: keys, scope: .conflict, help: help), availability: { _ in .available }) { pane, _ in run(&pane) }
    }

    private static let byID = Dictionary(commands.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// `title` names the copy and lease; `automatic` counts the changes that need no decision.
    public init(title: String, automatic: Int, rows: [Row], width: Int, height: Int) {
        self.title = title
        self.automatic = automatic
        self.rows = rows
        self.width = width
        self.height = height
    }

    public var decidedCount: Int { rows.filter { decisions[$0.conflict.id] != nil }.count }

    /// Handles one key.
    public mutating func handle(_ key: KeyEvent) {
        if case .resize(let w, let h) = key { width = w; height = h; return }
        if editor != nil { handleEditorKey(key); return }
        let id = keymap.command(for: key, in: [.conflict])
        if id != .mergeCancel { confirmingCancel = false }
        message = nil
        if let id, let command = Self.byID[id] {
            command.perform(&self, key)
            return
        }
        switch keymap.command(for: key, in: [.global]) {
        case .down?: cursor = min(cursor + 1, max(rows.count - 1, 0))
        case .up?: cursor = max(cursor - 1, 0)
        case .first?: cursor = 0
        case .last?: cursor = max(rows.count - 1, 0)
        default: break
        }
    }

    mutating func cancel() {
        if confirmingCancel || decisions.isEmpty { outcome = .cancel } else {
            confirmingCancel = true
            message = "再按一次 \(keymap.key(.mergeCancel)) 放弃合并（什么都不会写入）"
        }
    }

    /// A key while the value editor is open: the text commands (by their canonical keys) and
    /// typed characters.
    mutating func handleEditorKey(_ key: KeyEvent) {
        if let id = keymap.command(for: key, in: [.text]), let canonical = TextCommands.canonical[id] {
            handleEditing(canonical)
        } else if case .character = key {
            handleEditing(key)
        }
    }

    mutating func decide(_ decision: MergeDecision) {
        guard rows.indices.contains(cursor) else { return }
        decisions[rows[cursor].conflict.id] = decision
        if let next = rows.indices.first(where: { $0 > cursor && decisions[rows[$0].conflict.id] == nil }) { cursor = next }
    }

    mutating func decideRest(_ decision: MergeDecision) {
        for row in rows where decisions[row.conflict.id] == nil { decisions[row.conflict.id] = decision }
        message = decision == .main ? "其余冲突都取主库" : "其余冲突都取副本"
    }

    mutating func startEditing() {
        guard rows.indices.contains(cursor) else { return }
        let row = rows[cursor]
        guard row.editable else { message = "此项只能取一边（m 主库 / c 副本）"; return }
        var initial = row.copy
        if case .value(let json)? = decisions[row.conflict.id] { initial = MergeLabels.value(json) }
        if initial.hasPrefix("（") { initial = "" }
        editor = LineEditor(text: initial, multiline: row.conflict.primary != "reviewScore")
    }

    mutating func handleEditing(_ key: KeyEvent) {
        guard var e = editor else { return }
        let outcome = e.handle(key)
        editor = e
        switch outcome {
        case .cancel: editor = nil
        case .submit:
            let row = rows[cursor]
            let text = e.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if row.conflict.primary == "reviewScore" {
                guard let score = Score(text) else { message = "复核分格式不对：最多两位小数，如 3.50"; return }
                decisions[row.conflict.id] = .value(JSONFields.quote(score.description))
            } else {
                guard !text.isEmpty else { message = "内容不能为空"; return }
                decisions[row.conflict.id] = .value(JSONFields.quote(text))
            }
            editor = nil
        default: break
        }
    }

    mutating func finish() {
        if let open = rows.indices.first(where: { decisions[rows[$0].conflict.id] == nil }) {
            cursor = open
            message = "还有 \(rows.count - decidedCount) 个冲突未决定"
            return
        }
        outcome = .merge(decisions)
    }
}
