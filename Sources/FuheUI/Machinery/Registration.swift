/// Every part of the workstation that brings keys: panes, overlays, and command sets that belong
/// to no single view. Adding a view or a command set is one line here. The order is the order
/// help and docs list commands within a scope; panes take their Tab order from it.
enum Registration {
    static let modules: [any CommandProvider.Type] = [
        HelpOverlay.self,
        AppCommands.self,
        DetailArea.self,
        SearchBar.self,
        UndoCommands.self,
        MessagesOverlay.self,
        HistoryView.self,
        RefusalView.self,
        TextBox.self,
        StatusLineView.self,
        DocumentsCommands.self,
        DocumentsView.self,
        UnitsPane.self,
        RowCommands.self,
        RowRecordCommands.self,
        ScoresheetPane.self,
        ReviewLifecycleCommands.self,
        ItemsPane.self,
        ItemCommands.self,
        ItemLifecycleCommands.self,
        IntakeQueuePage.self,
        DraftPage.self,
        IntakeCorrection.self,
        IntakeChoice.self,
        IntakeConfirm.self,
        SourcePage.self,
        SuggestionList.self,
        TrainingCommands.self,
        LessonMenu.self,
        FormState.self,
        ConfirmOverlay.self,
        StaleFormCommands.self,
        TextCommands.self,
    ]

    /// Every command of the workstation, in registration order.
    static let commands: [WorkstationCommand] = modules.flatMap { $0.commands }
}
