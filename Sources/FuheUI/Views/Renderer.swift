import FuheCore
import TermCore

/// `render(state)`: a pure function from the application state to a screen buffer.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        let layout = Layout(state)
        if layout.tooSmall {
            let top = layout.top
            if let training = state.training { BannerView.render(training, rect: Rect(x: 0, y: 0, width: state.width, height: 1), into: &buffer) }
            let minimum = "60×\(16 + top + layout.reserved.height)"
            buffer.put("终端太小：至少 \(minimum)（当前 \(state.width)×\(state.height)）", x: 0, y: min(top, max(0, state.height - 1)), style: .bold)
            buffer.put("q 退出", x: 0, y: min(top + 1, max(0, state.height - 1)))
            return buffer
        }
        UnitListView.render(state, rect: layout.units, into: &buffer)
        PaneChrome.vertical(x: layout.units.maxX, from: layout.units.y + 1, to: layout.units.maxY, into: &buffer)
        ScoresheetView.render(state, rect: layout.sheet, into: &buffer)
        ItemListView.render(state, rect: layout.items, into: &buffer)
        DetailView.render(state, rect: layout.detail, into: &buffer)
        StatusLineView.render(state, rect: layout.status, into: &buffer)
        if let training = state.training { renderTraining(training, state: state, layout: layout, into: &buffer) }
        // Overlays leave the training banner, lesson pane and key strip in view; a form too tall
        // for that covers the lesson pane (then the key strip) rather than losing fields.
        let screen = Rect(x: 0, y: layout.top, width: state.width, height: layout.reserved.y - layout.top)
        switch state.overlay {
        case .help(let top): OverlayViews.renderHelp(top: top, screen: screen, into: &buffer)
        case .form(let form):
            let strip = TrainingRows(state).strip
            let needed = OverlayViews.formHeight(form) + 2
            let area = [screen.height, layout.reserved.maxY - strip - layout.top, state.height - 1 - layout.top]
                .first { $0 >= needed } ?? state.height - 1 - layout.top
            OverlayViews.renderForm(form, screen: Rect(x: 0, y: layout.top, width: state.width, height: area), into: &buffer)
        case .history(let view): OverlayViews.renderHistory(view, screen: screen, into: &buffer)
        case .messages(let pos): OverlayViews.renderMessages(pos, messages: state.scored?.messages ?? [], dossier: state.dossier, screen: screen, into: &buffer)
        case .lessons(let pos):
            LessonMenuView.render(pos, titles: state.training?.lessonTitles ?? [], intros: state.training?.lessonIntros ?? [], screen: screen, into: &buffer)
        case nil: break
        }
        var editing = state.searchEditor != nil
        if case .form = state.overlay { editing = true }
        if !editing { buffer.cursor = nil }
        return buffer
    }

    /// The banner above the panes; the lesson pane and the key strip between the detail area
    /// and the status line.
    static func renderTraining(_ training: TrainingState, state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        let rows = TrainingRows(state)
        if rows.banner > 0 { BannerView.render(training, rect: Rect(x: 0, y: 0, width: state.width, height: 1), into: &buffer) }
        let reserved = layout.reserved
        if rows.lesson > 0, let lesson = training.lesson {
            LessonPaneView.render(lesson, rect: Rect(x: 0, y: reserved.y, width: state.width, height: rows.lesson), into: &buffer)
        }
        if rows.strip > 0 {
            KeyStripView.render(training.strokes, rect: Rect(x: 0, y: reserved.y + rows.lesson, width: state.width, height: 1), into: &buffer)
        }
    }
}
