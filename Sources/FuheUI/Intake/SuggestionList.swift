import FuheCore
import TermCore

extension CommandID {
    public static let suggestionRecord = CommandID("suggestion.record")
    public static let suggestionShow = CommandID("suggestion.show")
    public static let suggestionClose = CommandID("suggestion.close")
}

extension CommandScope {
    public static let suggestions = CommandScope("suggestions", title: "核算问题建议 Finding suggestions", rank: 69)
}

/// A finding suggestion kept with a report (FuheUI has its own `FindingSuggestion` for row flags).
public typealias ReportSuggestion = FuheCore.FindingSuggestion

/// The arithmetic of the report that does not add up (`s` in the 原文 view), offered as findings:
/// Enter records the selected one (`FindingSuggestion.finding`: origin 自动核查, basis "原文第91行
/// （D-001）") as one journalled edit, undone with `u`; `y` shows its passage.
public struct SuggestionList: Overlay, CommandProvider {
    var dossierID: String
    public var suggestions: [ReportSuggestion]
    public var position = ListPosition()

    public static let context = KeyOutcome.Context(rawValue: "suggestions")
    public var keyScopes: [CommandScope] { [.suggestions] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .on(SuggestionList.self, .suggestionRecord, [.enter], .suggestions, "登记为问题（自动核查；已登记的不重复登记）") { list, ctx, _ in
            list.record(&ctx)
        },
        .on(SuggestionList.self, .suggestionShow, [.character("y")], .suggestions, "在原文中查看此处") { list, ctx, _ in
            guard list.suggestions.indices.contains(list.position.cursor) else { return }
            let spans = list.suggestions[list.position.cursor].spans
            ctx.closeTop()
            ctx.withOverlay(SourcePage.self) { page, ctx in
                guard let source = page.source, let first = spans.first, let i = source.lineIndex(first.line) else { return }
                page.side = .text
                page.focus = spans
                page.go(to: TextPlace(line: i, offset: max(0, first.column - 1)), in: ctx.state)
            }
        },
        .on(SuggestionList.self, .suggestionClose, [.escape, .character("q"), .character("s")], .suggestions, "关闭核算问题建议") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    /// The finding already recorded from a suggestion (same check, automatic origin), if any.
    static func recorded(_ s: ReportSuggestion, in d: Dossier?) -> Finding? {
        d?.findings.first { $0.origin == .autoCheck && $0.ruleCode == s.ruleCode && $0.description == s.description }
    }

    mutating func record(_ ctx: inout UpdateContext) {
        guard suggestions.indices.contains(position.cursor), let d = ctx.state.dossier, d.id == dossierID else { return }
        let s = suggestions[position.cursor]
        if let f = Self.recorded(s, in: d) { ctx.info("已登记为问题 \(f.seq)，不重复登记"); return }
        if ctx.state.isReadOnly { ctx.fail("复核已定稿，只读：不能登记问题"); return }
        let finding = s.finding(id: NewID.next("F", tag: ctx.state.storeLabel.idTag, existing: d.findings.map(\.id)),
                                seq: (d.findings.map(\.seq).max() ?? 0) + 1)
        var changes: [StoreChange] = [.finding(finding)]
        // The first edit of a review starts it.
        if d.review == nil {
            let review = ctx.draftReview(d)
            changes = [.review(review)] + ctx.evaluationChange(d, review: review, items: d.items) + changes
        }
        guard let edit = ctx.edit(changes, success: "已登记问题 \(finding.seq)：\(s.ruleCode) \(s.description.prefix(30))…（\(ctx.key(.undo)) 撤销）") else { return }
        ctx.save(edit)
        position.move(by: 1, count: suggestions.count)
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: suggestions.count)
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let title = "核算问题建议 \(suggestions.count) 条（\(state.key(.suggestionRecord)) 登记为问题，\(state.key(.suggestionShow)) 看原文，\(state.key(.suggestionClose)) 关闭）"
        let inner = OverlayBox.draw(title: title, width: 110, height: frame.screen.height - 2, in: frame.screen, into: &buffer)
        var y = inner.y
        var pos = position
        pos.scroll(height: max(1, inner.height / 3), count: suggestions.count)
        for index in pos.top..<suggestions.count where y < inner.maxY {
            let s = suggestions[index]
            let selected = index == position.cursor
            let done = Self.recorded(s, in: state.dossier).map { " · 已登记为问题 \($0.seq)" } ?? ""
            let place = s.spans.first.map { "原文第\($0.line)行" } ?? "原文"
            let head = "\(s.ruleCode) \(s.level.label) · \(place)\(s.amountInvolved.map { " · 涉及 \($0) 万元" } ?? "")\(done)"
            buffer.put((selected ? "▶ " : "  ") + head, x: inner.x, y: y, style: selected ? Style(bold: true, reverse: true) : .bold,
                       maxWidth: inner.width, clip: inner)
            y += 1
            for line in s.description.wrapped(toWidth: max(1, inner.width - 4)).prefix(2) where y < inner.maxY {
                buffer.put("    " + line, x: inner.x, y: y, style: done.isEmpty ? .plain : .dim, maxWidth: inner.width, clip: inner)
                y += 1
            }
        }
    }
}
