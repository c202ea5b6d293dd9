import TermCore

extension CommandID {
    public static let undo = CommandID("edit.undo")
    public static let redo = CommandID("edit.redo")
}

/// Undo and redo of this session's edits: each reverts one journal batch (`Effect.revert`); the
/// result comes back in `receiveReverted`.
enum UndoCommands: CommandProvider {
    static let commands: [WorkstationCommand] = [
        .init(.undo, [.character("u")], .global, "撤销上一次保存的修改", hint: "撤销") { ctx in
            guard let entry = ctx.state.undo.undo.popLast() else { ctx.info("本次会话没有可撤销的修改"); return }
            ctx.emit(.revert(Revert(batch: entry.batch, dossierID: entry.dossierID, actor: ctx.state.actor.name, direction: .undo)))
        },
        .init(.redo, [.ctrl("r")], .global, "重做") { ctx in
            guard let entry = ctx.state.undo.redo.popLast() else { ctx.info("没有可重做的修改"); return }
            ctx.emit(.revert(Revert(batch: entry.batch, dossierID: entry.dossierID, actor: ctx.state.actor.name, direction: .redo)))
        },
    ]
}
