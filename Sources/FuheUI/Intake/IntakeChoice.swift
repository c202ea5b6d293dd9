import FuheCore
import TermCore

extension CommandID {
    public static let choiceChoose = CommandID("intake-choice.choose")
    public static let choiceCancel = CommandID("intake-choice.cancel")
}

extension CommandScope {
    public static let intakeChoice = CommandScope("intake-choice", title: "选择（模板、评价类型、对应指标）Choosing", rank: 67)
}

/// A list to choose from instead of typing: the template, the evaluation type, or the template
/// node an indicator's score belongs to (`IntakeDraft.nodeChoices`). The draft's rule checks the
/// choice (a node already taken, a template of another type) before it is stored.
public struct IntakeChoice: Overlay, CommandProvider {
    public struct Option: Sendable, Equatable {
        /// What is stored: a template id, a type code, a node code (nil: no node).
        public var value: String?
        public var label: String
        /// Dim text after it ("吻合度 0.97", "已对应：预算执行").
        public var note: String
        /// Indentation (a node's depth).
        public var indent: Int = 0
    }

    public enum Action: Sendable, Equatable {
        case template
        case evalType
        case remap(indicatorID: String)
    }

    var draftID: String
    var title: String
    public var options: [Option]
    var action: Action
    public var position = ListPosition()
    public var error: String?

    public static let context = KeyOutcome.Context(rawValue: "intake-choice")
    public var keyScopes: [CommandScope] { [.intakeChoice] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(IntakeChoice.self, .choiceChoose, [.enter], .intakeChoice, "选定（先按规则检查）") { choice, ctx, _ in choice.choose(&ctx) },
        .on(IntakeChoice.self, .choiceCancel, [.escape, .character("q")], .intakeChoice, "取消选择") { _, ctx, _ in ctx.closeTop() },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: options.count)
        error = nil
    }

    // MARK: the lists

    /// Templates: the reader's candidates first (best fit first, with the reason), then the others.
    static func templates(for d: IntakeDraft, order: [String], templates: [String: IndicatorTemplate]) -> IntakeChoice {
        let candidates = d.templateCandidates.filter { templates[$0.id] != nil }
        var options = candidates.map { Option(value: $0.id, label: "\($0.id) \($0.name)", note: "吻合度 \($0.fit)　\($0.reason)") }
        for id in order where !candidates.contains(where: { $0.id == id }) {
            guard let t = templates[id] else { continue }
            options.append(Option(value: id, label: "\(id) \(t.name)", note: t.evalType.label))
        }
        var choice = IntakeChoice(draftID: d.id, title: "选择模板", options: options, action: .template)
        choice.position.set(options.firstIndex { $0.value == d.template.effective } ?? 0, count: options.count)
        return choice
    }

    static func evalTypes(for d: IntakeDraft) -> IntakeChoice {
        let options = EvalType.allCases.map { Option(value: $0.rawValue, label: $0.label, note: $0.rawValue) }
        var choice = IntakeChoice(draftID: d.id, title: "选择评价类型", options: options, action: .evalType)
        choice.position.set(options.firstIndex { $0.value == d.evalType.effective } ?? 0, count: options.count)
        return choice
    }

    /// Every node of the template (indented by depth, with its weight and the indicator already
    /// mapped there), and "none" last.
    static func nodes(for d: IntakeDraft, indicatorID: String, template: IndicatorTemplate) -> IntakeChoice {
        let labels = Dictionary(d.indicators.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        var options = d.nodeChoices(in: template).map { node in
            let taken = node.takenBy.flatMap { $0 == indicatorID ? "当前" : labels[$0].map { "已对应：" + $0 } } ?? ""
            return Option(value: node.code, label: "\(node.code) \(node.name)", note: "分值 \(node.weight)" + (taken.isEmpty ? "" : "　" + taken),
                          indent: node.level - 1)
        }
        options.append(Option(value: nil, label: "（不对应任何指标）", note: "此项得分不进入评分表"))
        let current = d.indicators.first { $0.id == indicatorID }
        var choice = IntakeChoice(draftID: d.id, title: "对应指标 · \(current?.label ?? "")（\(template.id)）", options: options,
                                  action: .remap(indicatorID: indicatorID))
        choice.position.set(options.firstIndex { $0.value != nil && $0.value == current?.node } ?? 0, count: options.count)
        return choice
    }

    // MARK: choosing

    mutating func choose(_ ctx: inout UpdateContext) {
        guard options.indices.contains(position.cursor),
              let page = ctx.state.overlays.lazy.compactMap({ $0.overlay as? DraftPage }).last(where: { $0.draftID == draftID }),
              var copy = page.draft else { ctx.closeTop(); return }
        let option = options[position.cursor]
        let actor = ctx.state.actor.name
        let request: IntakeRequest
        do {
            switch action {
            case .template, .evalType:
                let id = action == .template ? "template" : "eval_type"
                let value = option.value ?? ""
                // Choosing what was proposed is accepting it.
                let decision: DraftDecision = value == (action == .template ? copy.template.value : copy.evalType.value) ? .accepted : .corrected(value)
                try copy.decide(id, decision, templates: page.lookup)
                request = .decide(draftID: draftID, valueID: id, decision: decision, actor: actor)
            case .remap(let indicator):
                guard let template = page.template else { error = "请先确定模板"; return }
                try copy.remap(indicator, to: option.value, template: template)
                request = .remap(draftID: draftID, indicatorID: indicator, code: option.value, actor: actor)
            }
        } catch {
            self.error = error.message
            return
        }
        ctx.closeTop()
        ctx.intake(request)
        ctx.info("已选定：\(option.label)" + DraftPage.remaining(copy, page.lookup))
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let height = min(frame.screen.height - 2, options.count + 4)
        let title = "\(title)（\(state.key(.choiceChoose)) 选定，\(state.key(.choiceCancel)) 取消）"
        let inner = OverlayBox.draw(title: title, width: 110, height: height, in: frame.screen, into: &buffer)
        let listHeight = max(1, inner.height - 1)
        var pos = position
        pos.scroll(height: listHeight, count: options.count)
        for i in 0..<listHeight where pos.top + i < options.count {
            let index = pos.top + i
            let option = options[index]
            let selected = index == position.cursor
            let indent = String(repeating: "  ", count: option.indent)
            let used = buffer.put((selected ? "▶ " : "  ") + indent + option.label, x: inner.x, y: inner.y + i,
                                  style: selected ? Style(bold: true, reverse: true) : .plain, maxWidth: inner.width, clip: inner)
            if used + 2 < inner.width {
                buffer.put("  " + option.note, x: inner.x + used, y: inner.y + i, style: .dim, maxWidth: inner.width - used, clip: inner)
            }
        }
        if let error {
            buffer.put("✗ " + error, x: inner.x, y: inner.maxY - 1, style: Style(bold: true, foreground: .red), maxWidth: inner.width, clip: inner)
        }
    }
}
