import FuheCore
import TermCore

extension CommandID {
    public static let dashboard = CommandID("dashboard.open")
    public static let dashboardClose = CommandID("dashboard.close")
}

extension CommandScope {
    public static let dashboard = CommandScope("dashboard", title: "仪表盘 Dashboard", rank: 65)
}

/// The cycle at a glance (`Z`, 总览): progress and what is left, grades self vs review, the heat map of
/// units × first-level indicators by Δ, findings by category, rectification, 结果应用 — the
/// figures of `CycleStats`, the same `fuhe stats` prints. Read from summary columns.
public struct Dashboard: Overlay, CommandProvider {
    public var stats: CycleStats?
    /// First line shown.
    public var top = 0

    public static let context = KeyOutcome.Context(rawValue: "dashboard")
    public var keyScopes: [CommandScope] { [.dashboard] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.dashboard, [.character("Z")], .global, "仪表盘：复核进度、等次分布、差异热力图、问题类别、整改、结果应用", hint: "仪表盘") { ctx in
            ctx.push(Dashboard())
            ctx.emit(.loadCycle(.stats(today: ctx.state.today)))
        },
        .on(Dashboard.self, .dashboardClose, [.escape, .character("q"), .character("Z")], .dashboard, "关闭仪表盘") { _, ctx, _ in ctx.closeTop() },
    ]

    public mutating func move(_ move: ListMove, in state: AppState) {
        let lines = stats.map { DashboardLines.Page($0, width: state.width).count } ?? 0
        let room = max(1, OverlayFrame(state, layout: Layout(state)).screen.height - 2)
        let bottom = max(0, lines - room)
        switch move {
        case .by(let n): top += n
        case .page(let n): top += n * max(1, room - 1)
        case .first: top = 0
        case .last: top = bottom
        }
        top = max(0, min(top, bottom))
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let screen = frame.screen
        buffer.fill(screen)
        let keys = "\(state.keymap.keyLabel(.down))/\(state.keymap.keyLabel(.up)) 滚动 · \(state.key(.dashboardClose)) 关闭"
        PaneChrome.title("仪表盘 · 本库全部单位", right: keys, rect: Rect(x: screen.x, y: screen.y, width: screen.width, height: 1), focused: true, into: &buffer)
        let body = Rect(x: screen.x + 1, y: screen.y + 1, width: screen.width - 2, height: screen.height - 1)
        guard let stats else {
            buffer.put("读取中…", x: body.x, y: body.y, style: .dim, clip: body)
            return
        }
        let page = DashboardLines.Page(stats, width: body.width)
        for (i, index) in (min(top, page.count)..<min(top + body.height, page.count)).enumerated() {
            var x = body.x
            for segment in page.line(index).segments {
                x += buffer.put(segment.text, x: x, y: body.y + i, style: segment.style, maxWidth: max(0, body.maxX - x), clip: body)
            }
        }
    }
}
