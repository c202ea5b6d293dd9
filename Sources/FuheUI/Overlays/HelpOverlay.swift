import FuheCore
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

    /// The lines of the help: a heading per scope, then "  keys  help  [long name]" — each
    /// command wrapped to `width` under its help column, so no help is cut. First, what the marks
    /// on screen mean.
    static func lines(_ keymap: Keymap, width: Int = .max) -> [(text: String, heading: Bool)] {
        var out: [(String, Bool)] = [("屏幕上的标记", true)]
        for legend in [Rollup.incompleteLegend, "\(UnitSummary.sampleMarker) 示例数据（不是真实复核）；等次后的（复核）/（自评）说明是谁评定的等次",
                       "整改事项的“剩余/逾期”按整改时限计；持续整改事项的“下次检查”另按检查日计"] {
            out += wrap("  " + legend, indent: 2, width: width).map { ($0, false) }
        }
        for scope in CommandScope.allCases {
            out.append((scope.title, true))
            for spec in CommandRegistry.all where spec.scope == scope {
                let line = "  " + keymap.keyLabel(spec.id).padded(toWidth: 16) + spec.help + "  [" + spec.name + "]"
                out += wrap(line, indent: 18, width: width).map { ($0, false) }
            }
        }
        return out
    }

    /// `text` wrapped to `width`, continuation lines indented by `indent`.
    private static func wrap(_ text: String, indent: Int, width: Int) -> [String] {
        guard width != .max, DisplayWidth.of(text) > width else { return [text] }
        let first = text.wrapped(toWidth: width)
        guard first.count > 1 else { return first }
        // The first line as wrapped; the rest again, narrower, under the help column.
        let rest = String(text.dropFirst(first[0].count)).trimmingCharacters(in: .whitespaces)
        return [first[0]] + rest.wrapped(toWidth: max(10, width - indent)).map { String(repeating: " ", count: indent) + $0 }
    }

    /// The box's inner width on a screen `width` cells wide.
    static func innerWidth(_ width: Int) -> Int { min(100, width - 2) - 4 }

    public mutating func move(_ move: ListMove, in state: AppState) {
        // The box takes the screen less two rows, its border two more.
        let room = max(1, OverlayFrame(state, layout: Layout(state)).screen.height - 4)
        let bottom = max(0, Self.lines(state.keymap, width: Self.innerWidth(state.width)).count - room)
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
        let lines = Self.lines(state.keymap, width: inner.width)
        let start = max(0, min(top, max(0, lines.count - inner.height)))
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            buffer.put(line.text, x: inner.x, y: inner.y + i, style: line.heading ? .bold : .plain, maxWidth: inner.width, clip: inner)
        }
        if lines.count > inner.height {
            let more = " \(start + 1)–\(start + inner.height)/\(lines.count) "
            buffer.put(more, x: inner.maxX - DisplayWidth.of(more), y: inner.maxY, style: .dim)
        }
    }
}
