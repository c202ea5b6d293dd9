import FuheCore

/// Performs effects. A runner that completes at once returns the result; one that completes later
/// (a server) returns nil and hands the result to `Workstation.receive(_:)` when it arrives.
public protocol EffectRunner: AnyObject {
    func perform(_ effect: Effect) -> Message?
}

/// Performs effects at once against a `ReviewRepository` (the local store or the demo's sandbox).
public final class RepositoryRunner: EffectRunner {
    public let repository: ReviewRepository
    /// The training demo's sandbox (reset), nil outside `fuhe demo`.
    public var sandbox: SandboxControl?
    /// Writes the review documents (`report.write`); nil where no reports folder is set up.
    public var documents: DocumentWriting?

    public init(_ repository: ReviewRepository, sandbox: SandboxControl? = nil, documents: DocumentWriting? = nil) {
        self.repository = repository
        self.sandbox = sandbox
        self.documents = documents
    }

    public func perform(_ effect: Effect) -> Message? {
        do {
            return try result(of: effect)
        } catch {
            return .failed(effect, EffectFailure(error))
        }
    }

    private func result(of effect: Effect) throws -> Message {
        switch effect {
        case .loadSchemes:
            return .schemesLoaded(try repository.gradeSchemes())
        case .loadUnits(let request):
            let page = try repository.unitPage(UnitPageRequest(filter: request.filter, order: request.order, today: request.today,
                                                               start: request.start, limit: request.limit, anchor: request.anchor))
            return .unitsLoaded(request, page, leased: request.scrollOnly ? nil : try repository.leasedUnits())
        case .loadUnitKeys(let request):
            return .unitKeysLoaded(request, try repository.unitKeys(filter: request.filter, order: request.order, today: request.today))
        case .loadDossier(let request):
            return .dossierLoaded(request, try repository.dossier(id: request.id))
        case .refreshUnit(let id, let today):
            return .unitRefreshed(dossierID: id, try repository.unitSummary(dossierID: id, today: today))
        case .apply(let edit):
            let batch = try repository.apply(edit.changes, to: edit.dossierID, base: edit.base, actor: edit.actor, reason: edit.reason, origin: edit.origin)
            return .applied(edit, batch: batch)
        case .revert(let revert):
            return .reverted(revert, batch: try repository.revert(batch: revert.batch, actor: revert.actor))
        case .history(let request):
            return .historyLoaded(request, try repository.history(dossierID: request.dossierID, entity: request.entity, entityID: request.entityID))
        case .loadCycle(let request):
            return .cycleLoaded(request, try repository.cycle(request))
        case .resetSandbox(let reset):
            guard let sandbox else { throw EffectFailure("没有可重置的沙盒（仅在培训演示中）") }
            try sandbox.resetSandbox()
            for step in reset.setup {
                do {
                    _ = try repository.apply([step.change], to: step.dossierID, base: .unconditional, actor: "培训课程", reason: reset.reason, origin: "lesson")
                } catch {
                    return .sandboxReset(reset, setupFailure: EffectFailure(error))
                }
            }
            return .sandboxReset(reset, setupFailure: nil)
        case .intake(let request):
            return .intakeDone(request, try IntakeRunner.perform(request, on: repository))
        case .writeDocuments(let request):
            guard let documents else { throw EffectFailure("这个工作台没有设置文书文件夹，不能写出文书") }
            return .documentsWritten(request, try documents.writeUnitDocuments(dossierID: request.dossierID))
        }
    }
}
