import FuheCore
import TermCore

/// `render(state)`: a pure function from the application state to a screen buffer.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height)
        if layout.tooSmall {
            buffer.put("终端太小：至少 60×16（当前 \(state.width)×\(state.height)）", x: 0, y: 0, style: .bold)
            buffer.put("q 退出", x: 0, y: min(1, max(0, state.height - 1)))
            return buffer
        }
        UnitListView.render(state, rect: layout.units, into: &buffer)
        PaneChrome.vertical(x: layout.units.maxX, from: layout.units.y + 1, to: layout.units.maxY, into: &buffer)
        ScoresheetView.render(state, rect: layout.sheet, into: &buffer)
        ItemListView.render(state, rect: layout.items, into: &buffer)
        DetailView.render(state, rect: layout.detail, into: &buffer)
        StatusLineView.render(state, rect: layout.status, into: &buffer)
        let screen = Rect(x: 0, y: 0, width: state.width, height: state.height - 1)
        switch state.overlay {
        case .help(let top): OverlayViews.renderHelp(top: top, screen: screen, into: &buffer)
        case .form(let form): OverlayViews.renderForm(form, screen: screen, into: &buffer)
        case .history(let view): OverlayViews.renderHistory(view, screen: screen, into: &buffer)
        case .messages(let pos): OverlayViews.renderMessages(pos, messages: state.scored?.messages ?? [], dossier: state.dossier, screen: screen, into: &buffer)
        case nil: break
        }
        var editing = state.searchEditor != nil
        if case .form = state.overlay { editing = true }
        if !editing { buffer.cursor = nil }
        return buffer
    }
}
