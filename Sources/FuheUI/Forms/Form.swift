import FuheCore
import TermCore

/// One field of a form.
public struct FormField: Sendable {
    public enum Kind: Sendable {
        case text(LineEditor)
        case choice(options: [String], index: Int)
    }

    public var key: String
    public var label: String
    public var kind: Kind
    /// Shown under the form when the field has focus.
    public var hint: String

    public static func text(_ key: String, _ label: String, _ value: String = "", multiline: Bool = false, hint: String = "") -> FormField {
        FormField(key: key, label: label, kind: .text(LineEditor(text: value, multiline: multiline)), hint: hint)
    }

    public static func choice(_ key: String, _ label: String, _ options: [String], selected: Int = 0, hint: String = "") -> FormField {
        FormField(key: key, label: label, kind: .choice(options: options, index: max(0, min(selected, options.count - 1))), hint: hint)
    }

    /// The field's current text (the selected option for a choice).
    public var value: String {
        switch kind {
        case .text(let editor): editor.text
        case .choice(let options, let index): options.isEmpty ? "" : options[index]
        }
    }

    /// Index of the selected option (0 for text fields).
    public var selectedIndex: Int {
        if case .choice(_, let index) = kind { return index }
        return 0
    }

    public var isMultiline: Bool {
        if case .text(let editor) = kind { return editor.multiline }
        return false
    }
}

/// A modal form: fields, the focused field, and an error from the last submit attempt. The
/// command that opened it (`command`, with the row or item it is about in `target`) says what
/// submitting it does (`FormSubmit`).
public struct FormState: Sendable {
    public var title: String
    public var fields: [FormField]
    public var focus: Int = 0
    public var error: String?
    /// The command whose form this is.
    public var command: CommandID
    /// The scoresheet node or item the form is about.
    public var target: String?
    /// The edit this form sent and waits for (it closes when the edit is stored).
    public var pendingEdit: Int?
    /// The dossier as it was when the form opened: its edit is based on it (compare-and-set),
    /// however the screen behind it has been refreshed since.
    public var base: Dossier?
    /// What other sessions changed of what the form is about since it opened
    /// ("此处已被 李某 修改为 4.50"), newest last.
    public var notices: [String] = []
    /// The store refused the last save: these fields changed since the form opened.
    public var refusal: StaleWrite?
    /// What dropping the typed values keeps, in words ("复核分 4.50（李某）").
    public var kept: String?
    /// Each field's value when the form opened: a form whose values differ holds typed work,
    /// which is never dropped without asking (`isDirty`).
    public var opened: [String]

    public init(title: String, fields: [FormField], command: CommandID, target: String? = nil, focus: Int = 0) {
        self.title = title
        self.fields = fields
        self.command = command
        self.target = target
        self.focus = focus
        opened = fields.map(\.value)
    }

    /// Something was typed or chosen since the form opened (Esc and Ctrl-C ask before dropping it).
    public var isDirty: Bool { fields.map(\.value) != opened }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }
    public func index(_ key: String) -> Int { fields.first { $0.key == key }?.selectedIndex ?? 0 }

    /// Moves focus to a field by key (after a validation error).
    public mutating func focus(on key: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) { focus = i }
    }
}
