import FuheCore
import FuheStore
import FuheUI

/// The store's intake queue and report texts for the workstation's intake screens (docs/intake.md).
extension StoreRepository: IntakeRepository {
    public func intakeQueue(includeClosed: Bool) throws -> [IntakeQueueEntry] { try store.intakeQueue(includeClosed: includeClosed) }

    public func intakeDraft(id: String) throws -> IntakeDraft { try store.intakeDraft(id: id) }

    public func templates() throws -> [IndicatorTemplate] { try store.templates() }

    public func decideIntakeValue(draftID: String, valueID: String, decision: DraftDecision, actor: String) throws -> IntakeDraft {
        try store.decideIntakeValue(draftID: draftID, valueID: valueID, decision: decision, actor: actor)
    }

    public func remapIntakeIndicator(draftID: String, indicatorID: String, to code: String?, actor: String) throws -> IntakeDraft {
        try store.remapIntakeIndicator(draftID: draftID, indicatorID: indicatorID, to: code, actor: actor)
    }

    public func acceptAllIntakeValues(draftID: String, actor: String) throws -> IntakeDraft {
        try store.acceptAllIntakeValues(draftID: draftID, actor: actor)
    }

    public func discardIntakeDraft(draftID: String, actor: String, reason: String) throws {
        try store.discardIntakeDraft(draftID: draftID, actor: actor, reason: reason)
    }

    public func convertIntakeDraft(draftID: String, actor: String) throws -> String {
        try store.convertIntakeDraft(draftID: draftID, actor: actor)
    }

    public func reportSource(dossierID: String) throws -> ReportSource? { try store.reportSource(dossierID: dossierID) }
}
