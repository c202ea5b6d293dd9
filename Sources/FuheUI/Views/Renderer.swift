import FuheCore
import TermCore

/// `render(state)`: a pure function from the application state to a screen buffer. Each pane
/// draws itself in its rectangle, then the detail area and the status line, the training demo's
/// rows, and the overlays from the bottom of the stack up.
public enum Renderer {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: state.width, height: state.height)
        let layout = Layout(state)
        if layout.tooSmall {
            let top = layout.top
            if let training = state.training {
                BannerView.render(training, keymap: state.keymap, rect: Rect(x: 0, y: 0, width: state.width, height: 1), into: &buffer)
            }
            let minimum = "60×\(16 + top + layout.reserved.height)"
            buffer.put("终端太小：至少 \(minimum)（当前 \(state.width)×\(state.height)）", x: 0, y: min(top, max(0, state.height - 1)), style: .bold)
            buffer.put("\(state.key(.quit)) 退出", x: 0, y: min(top + 1, max(0, state.height - 1)))
            return buffer
        }
        for pane in FocusRing.panes {
            pane.render(state, rect: pane.rect(in: layout), into: &buffer)
        }
        PaneChrome.vertical(x: layout.units.maxX, from: layout.units.y + 1, to: layout.units.maxY, into: &buffer)
        DetailArea.render(state, rect: layout.detail, into: &buffer)
        StatusLineView.render(state, rect: layout.status, into: &buffer)
        if let training = state.training { renderTraining(training, state: state, layout: layout, into: &buffer) }
        let frame = OverlayFrame(state, layout: layout)
        for entry in state.overlays { entry.overlay.render(state, in: frame, into: &buffer) }
        StatusLineView.renderLongMessage(state, rect: layout.status, into: &buffer)
        if state.overlay?.showsCursor != true { buffer.cursor = nil }
        return buffer
    }

    /// The banner above the panes; the lesson pane and the key strip between the detail area
    /// and the status line.
    static func renderTraining(_ training: TrainingState, state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        let rows = TrainingRows(state)
        if rows.banner > 0 { BannerView.render(training, keymap: state.keymap, rect: Rect(x: 0, y: 0, width: state.width, height: 1), into: &buffer) }
        let reserved = layout.reserved
        if rows.lesson > 0, let lesson = training.lesson {
            let keys = "\(state.key(.lessonHint)) \(CommandRegistry.spec(.lessonHint).hint ?? "") · \(state.key(.lessonMenu)) \(CommandRegistry.spec(.lessonMenu).hint ?? "")"
            LessonPaneView.render(lesson, keys: keys, hintKey: state.key(.lessonHint), rect: Rect(x: 0, y: reserved.y, width: state.width, height: rows.lesson), into: &buffer)
        }
        if rows.strip > 0 {
            KeyStripView.render(training.strokes, rect: Rect(x: 0, y: reserved.y + rows.lesson, width: state.width, height: 1), into: &buffer)
        }
    }
}
