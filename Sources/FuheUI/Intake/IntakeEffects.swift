import FuheCore

/// What the intake screens need from a store (docs/intake.md, "API for the workstation"): the
/// queue of drafts read by `fuhe intake --import`, the reviewer's decisions, the conversion into a
/// dossier, and a dossier's report text. Each write is one journalled transaction in the store.
/// A repository without it (the training sandbox) has an empty queue and no report texts.
public protocol IntakeRepository: AnyObject {
    func intakeQueue(includeClosed: Bool) throws -> [IntakeQueueEntry]
    func intakeDraft(id: String) throws -> IntakeDraft
    func templates() throws -> [IndicatorTemplate]
    func decideIntakeValue(draftID: String, valueID: String, decision: DraftDecision, actor: String) throws -> IntakeDraft
    func remapIntakeIndicator(draftID: String, indicatorID: String, to code: String?, actor: String) throws -> IntakeDraft
    func acceptAllIntakeValues(draftID: String, actor: String) throws -> IntakeDraft
    func discardIntakeDraft(draftID: String, actor: String, reason: String) throws
    /// Makes the dossier (one journalled import); returns its id.
    func convertIntakeDraft(draftID: String, actor: String) throws -> String
    /// nil: the dossier was imported from JSON and has no text.
    func reportSource(dossierID: String) throws -> ReportSource?
}

/// Store work of the intake screens, as a value (`Effect.intake`).
public enum IntakeRequest: Sendable {
    /// The queue; `announce`: only say on the status line how many drafts wait (at start).
    case queue(includeClosed: Bool, announce: Bool = false)
    /// One draft with the templates (for readiness, node choices and the template choice).
    case draft(id: String)
    case decide(draftID: String, valueID: String, decision: DraftDecision, actor: String)
    case remap(draftID: String, indicatorID: String, code: String?, actor: String)
    case acceptAll(draftID: String, actor: String)
    case discard(draftID: String, actor: String, reason: String)
    case convert(draftID: String, actor: String)
    /// A dossier's report text for the 原文 view.
    case source(dossierID: String)
}

/// What an intake request gave (`Message.intakeDone`).
public enum IntakeResult: Sendable {
    case queue([IntakeQueueEntry])
    /// The draft as it now stands; `templates` when it was opened (nil after a decision).
    case draft(IntakeDraft, templates: [IndicatorTemplate]?)
    case discarded(draftID: String)
    case converted(draftID: String, dossierID: String)
    case source(dossierID: String, ReportSource?)
}

/// Performs intake requests against a repository (called by `RepositoryRunner`).
enum IntakeRunner {
    static func perform(_ request: IntakeRequest, on repository: ReviewRepository) throws -> IntakeResult {
        guard let store = repository as? IntakeRepository else {
            switch request {
            case .queue: return .queue([])
            case .source(let id): return .source(dossierID: id, nil)
            default: throw EffectFailure("此处没有待确认报告队列（培训沙盒不读入报告）")
            }
        }
        switch request {
        case .queue(let closed, _):
            return .queue(try store.intakeQueue(includeClosed: closed))
        case .draft(let id):
            return .draft(try store.intakeDraft(id: id), templates: try store.templates())
        case .decide(let draft, let value, let decision, let actor):
            return .draft(try store.decideIntakeValue(draftID: draft, valueID: value, decision: decision, actor: actor), templates: nil)
        case .remap(let draft, let indicator, let code, let actor):
            return .draft(try store.remapIntakeIndicator(draftID: draft, indicatorID: indicator, to: code, actor: actor), templates: nil)
        case .acceptAll(let draft, let actor):
            return .draft(try store.acceptAllIntakeValues(draftID: draft, actor: actor), templates: nil)
        case .discard(let draft, let actor, let reason):
            try store.discardIntakeDraft(draftID: draft, actor: actor, reason: reason)
            return .discarded(draftID: draft)
        case .convert(let draft, let actor):
            return .converted(draftID: draft, dossierID: try store.convertIntakeDraft(draftID: draft, actor: actor))
        case .source(let id):
            return .source(dossierID: id, try store.reportSource(dossierID: id))
        }
    }
}

extension UpdateContext {
    /// Asks for intake work.
    mutating func intake(_ request: IntakeRequest) { emit(.intake(request)) }

    /// An intake result is in: it goes to the page it belongs to.
    mutating func receiveIntake(_ request: IntakeRequest, _ result: IntakeResult) {
        switch result {
        case .queue(let entries):
            if case .queue(_, true) = request {
                announceQueue(entries)
            } else {
                withOverlay(IntakeQueuePage.self) { page, _ in page.receive(entries) }
            }
        case .draft(let draft, let templates):
            DraftPage.receive(draft, templates: templates, request: request, in: &self)
        case .discarded(let id):
            state.overlays.removeAll { ($0.overlay as? DraftPage)?.draftID == id }
            info("已搁置草稿 \(id)（可在队列中按 \(key(.intakeShowClosed)) 查看）")
            refreshQueue()
        case .converted(let draftID, let dossierID):
            receiveConversion(draftID: draftID, dossierID: dossierID)
        case .source(let id, let source):
            withOverlay(SourcePage.self) { page, ctx in
                guard page.dossierID == id else { return }
                page.receive(source, in: ctx.state)
            }
        }
    }

    /// Says at start how many drafts wait, after the welcome line.
    private mutating func announceQueue(_ entries: [IntakeQueueEntry]) {
        guard !entries.isEmpty, state.overlay == nil else { return }
        let text = "待确认报告 \(entries.count) 篇（按 \(key(.intakeQueue)) 确认）"
        info(state.message.map { $0 + " · " + text } ?? text)
    }

    /// Another session wrote to the store: an open queue and an open draft are read again (a
    /// decision taken elsewhere shows; the cursor stays on its value).
    mutating func refreshIntakePages() {
        refreshQueue()
        for case let page as DraftPage in state.overlays.map(\.overlay) { intake(.draft(id: page.draftID)) }
    }

    /// Reads the queue again for an open queue page.
    mutating func refreshQueue() {
        guard let page = state.overlays.lazy.compactMap({ $0.overlay as? IntakeQueuePage }).last else { return }
        intake(.queue(includeClosed: page.showClosed))
    }

    /// The draft became a dossier: the intake pages close, the new dossier opens on its scoresheet.
    private mutating func receiveConversion(draftID: String, dossierID: String) {
        state.overlays.removeAll { $0.overlay is DraftPage || $0.overlay is IntakeQueuePage || $0.overlay is IntakeConfirm }
        reloadUnits()
        load(dossierID, mode: .open)
        setFocus(.sheet)
        info("已生成卷宗 \(dossierID)（一次导入，已记入修改历史）· \(key(.sourceOpen)) 原文与评分表对照")
    }

    /// Runs `body` on the topmost overlay of type `O`, wherever it is in the stack (a result that
    /// arrives while a correction box is open over its page).
    mutating func withOverlay<O: Overlay>(_ type: O.Type, _ body: (inout O, inout UpdateContext) -> Void) {
        guard let index = state.overlays.lastIndex(where: { $0.overlay is O }), var overlay = state.overlays[index].overlay as? O else { return }
        let id = state.overlays[index].id
        body(&overlay, &self)
        if let again = state.overlays.firstIndex(where: { $0.id == id }) { state.overlays[again].overlay = overlay }
    }
}
