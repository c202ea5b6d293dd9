import FuheCore
import TermCore

/// What submitting a form does: check it with FuheCore's rules and say what to store. It reads
/// the form and the state (the context is a copy; the form's command sends the edit).
typealias FormSubmit = @Sendable (FormState, UpdateContext) -> FormSubmission

/// The outcome of submitting a form.
enum FormSubmission {
    /// Store this; the form closes once it is stored.
    case save(Edit)
    /// Keep the form open with this error, on this field.
    case invalid(String, field: String? = nil)
    /// Nothing to do (what the form was about is gone).
    case nothing
    /// Close the form and open this overlay instead (a batch's preview of every change).
    case open(any Overlay)
    /// Close the form and do this (a setting of a page, nothing stored).
    case run(FollowUp)
}

extension Command where Model == AppState, Target == UpdateContext {
    /// A command that opens a form, declared in one place: its key, name, help, scope, when it is
    /// available, the form (`open`: title, fields, the row or item it is about) and what
    /// submitting does (`submit`: validation through FuheCore, the changes to store).
    static func form(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil,
                     when availability: @escaping @Sendable (AppState) -> Availability = { _ in .available },
                     open: @escaping @Sendable (UpdateContext) -> FormState?, submit: @escaping FormSubmit) -> Self {
        Self(spec: CommandSpec(id: id, keys: keys, scope: scope, help: help, hint: hint), availability: availability, form: submit) { ctx, _ in
            guard var form = open(ctx) else { return }
            form.command = id
            // The form keeps the dossier it opened on: its edit is based on that view.
            form.base = ctx.state.dossier
            form.opened = form.fields.map(\.value)
            ctx.push(form)
        }
    }

    /// The same, with its rule of availability a ``Verdict`` (its reason made only when asked).
    static func form(_ id: CommandID, _ keys: [KeyEvent], _ scope: CommandScope, _ help: String, hint: String? = nil,
                     verdict: @escaping @Sendable (AppState) -> Verdict<AppState>,
                     open: @escaping @Sendable (UpdateContext) -> FormState?, submit: @escaping FormSubmit) -> Self {
        var command = form(id, keys, scope, help, hint: hint, when: { verdict($0).availability($0) }, open: open, submit: submit)
        command.verdict = verdict
        return command
    }
}

extension UpdateContext {
    /// "Store these changes to the open dossier" as a form's outcome.
    func saving(_ changes: [StoreChange], reason: String? = nil, scope: ChangeBase.Scope = .touched, success: String,
                then: FollowUp? = nil) -> FormSubmission {
        edit(changes, reason: reason, scope: scope, success: success, then: then).map { .save($0) } ?? .nothing
    }
}

extension FormState {
    /// A form about `target` (its command is set when it opens).
    init(title: String, fields: [FormField], target: String? = nil) {
        self.init(title: title, fields: fields, command: CommandID(""), target: target)
    }

    /// A field's text without surrounding spaces (and line breaks).
    func trimmed(_ key: String) -> String { value(key).trimmingCharacters(in: .whitespacesAndNewlines) }
}
