import TermCore

extension CommandID {
    public static let help = CommandID("app.help")
    public static let helpClose = CommandID("help.close")
}

extension CommandScope {
    public static let help = CommandScope("help", title: "帮助 Help", rank: 60)
}

/// The help overlay (`?`): every command of the registry by scope, with the keys of the keymap
/// in force and each command's long name.
public struct HelpOverlay: Overlay, CommandProvider {
    /// First line shown.
    public var top = 0

    public static let context = KeyOutcome.Context.help
    public var keyScopes: [CommandScope] { [.help] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.help, [.character("?")], .global, "帮助：列出全部按键", hint: "帮助") { $0.push(HelpOverlay()) },
        .on(HelpOverlay.self, .helpClose, [.escape, .character("q"), .character("?")], .help, "关闭帮助") { _, ctx, _ in ctx.closeTop() },
    ]

    /// The lines of the help: a heading per scope, then "  keys  help  [long name]".
    static func lines(_ keymap: Keymap) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = []
        for scope in CommandScope.allCases {
            out.append((scope.title, true))
            for spec in CommandRegistry.all where spec.scope == scope {
                out.append(("  " + keymap.keyLabel(spec.id).padded(toWidth: 16) + spec.help + "  [" + spec.name + "]", false))
            }
        }
        return out
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        // The box takes the screen less two rows, its border two more.
        let room = max(1, OverlayFrame(state, layout: Layout(state)).screen.height - 4)
        let bottom = max(0, Self.lines(state.keymap).count - room)
        switch move {
        case .by(let n): top += n
        case .page(let n): top += 10 * n
        case .first: top = 0
        case .last: top = bottom
        }
        top = max(0, min(top, bottom))
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let title = "帮助 · 按键（\(state.key(.down))/\(state.key(.up)) 滚动，\(state.key(.helpClose)) 关闭）"
        let inner = OverlayBox.draw(title: title, width: 100, height: frame.screen.height - 2, in: frame.screen, into: &buffer)
        let lines = Self.lines(state.keymap)
        let start = max(0, min(top, max(0, lines.count - inner.height)))
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + i, style: line.heading ? .bold : .plain, maxWidth: inner.width, clip: inner)
        }
    }
}
