import FuheCore
import TermCore

/// The status line: review status, reviewer, saved state, progress, and key hints from the
/// registry — only commands available now, with the keys of the keymap in force.
enum StatusLineView {
    /// "? 帮助 · Enter 评分 · …" for the focused pane: help first, so that a narrow terminal still
    /// shows where to find every key.
    static func hints(_ state: AppState) -> [(key: String, label: String)] {
        let scope = FocusRing.pane(state.focus)?.scope ?? .global
        return CommandRegistry.hintSpecs(for: scope).compactMap { spec in
            let key = state.key(spec.id)
            guard !key.isEmpty, CommandRegistry.byID[spec.id]?.available(state).isAvailable ?? true else { return nil }
            return (key, spec.hint ?? "")
        }
    }

    static func render(_ state: AppState, rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.fill(rect, style: .reverse)
        var parts: [String] = []
        if state.storeLabel.kind != "main" { parts.append(state.storeLabel.kind) }
        parts.append(state.dossier?.review?.status.label ?? (state.dossier == nil ? "未打开" : "未开始复核"))
        parts.append("复核人 \(state.actor.name)\(state.actor.role.map { "(\($0.label))" } ?? "")")
        switch state.saveState {
        case .saved: parts.append("已保存 ✓")
        case .saving: parts.append("保存中…")
        case .failed: parts.append("保存失败 ✗")
        }
        if let s = state.scored { parts.append("\(s.reviewedLeafCount)/\(s.scorableLeafCount) 行已复核") }
        if state.isReadOnly { parts.append(state.dossier?.review?.status == .finalized ? "已定稿·只读" : "已提交·只读") }
        var left = " " + parts.joined(separator: " · ")
        if let message = state.message { left = " " + message }
        let style = state.messageIsError ? Style(bold: true, reverse: true) : Style(reverse: true)
        let used = buffer.put(left, x: rect.x, y: rect.y, style: style, maxWidth: rect.width, clip: rect)
        var hintText = ""
        for h in hints(state).map({ "\($0.key) \($0.label)" }) {
            let candidate = hintText.isEmpty ? h : hintText + " · " + h
            if DisplayWidth.of(candidate) + used + 3 > rect.width { break }
            hintText = candidate
        }
        if !hintText.isEmpty {
            buffer.put(hintText + " ", x: rect.maxX - DisplayWidth.of(hintText) - 1, y: rect.y, style: Style(reverse: true), clip: rect)
        }
    }
}
