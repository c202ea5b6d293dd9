import FuheCore
import TermCore

extension CommandID {
    public static let intakeQueue = CommandID("intake.queue")
    public static let intakeOpenDraft = CommandID("intake.open")
    public static let intakeShowClosed = CommandID("intake.show-closed")
    public static let intakeDiscard = CommandID("intake.discard")
    public static let intakeQueueClose = CommandID("intake.queue-close")
}

extension CommandScope {
    public static let intakeQueue = CommandScope("intake-queue", title: "待确认报告 Intake queue", rank: 66)
}

/// The intake queue (`i` in the unit list): the drafts `fuhe intake --import` read, each with the
/// unit and year as they stand, the type, the template proposed and how well it fits, how many
/// values are decided of those needed, and whether it can become a dossier. Enter opens one.
public struct IntakeQueuePage: Overlay, CommandProvider {
    public var entries: [IntakeQueueEntry] = []
    public var loaded = false
    /// Also list converted and discarded drafts.
    public var showClosed = false
    public var position = ListPosition()

    public static let context = KeyOutcome.Context(rawValue: "intake-queue")
    public var keyScopes: [CommandScope] { [.intakeQueue] }
    public var takesListMoves: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.intakeQueue, [.character("i")], .global, "待确认报告：fuhe intake 读入的报告，逐项确认后生成卷宗", hint: "报告") { ctx in
            ctx.push(IntakeQueuePage())
            ctx.intake(.queue(includeClosed: false))
        },
        .on(IntakeQueuePage.self, .intakeOpenDraft, [.enter, .character("l"), .right], .intakeQueue, "打开草稿：逐项确认（已生成卷宗的：打开该卷宗）") { page, ctx, _ in
            guard let entry = page.selected else { return }
            if entry.status == .converted, let id = entry.dossierID {
                ctx.clearOverlays()
                ctx.load(id, mode: .open)
                ctx.setFocus(.sheet)
                return
            }
            guard entry.status == .open else { ctx.info("此草稿已搁置"); return }
            ctx.push(DraftPage(draftID: entry.id, title: entry.title))
            ctx.intake(.draft(id: entry.id))
        },
        .on(IntakeQueuePage.self, .intakeShowClosed, [.character("c")], .intakeQueue, "显示/隐藏已生成卷宗和已搁置的草稿") { page, ctx, _ in
            page.showClosed.toggle()
            page.loaded = false
            ctx.intake(.queue(includeClosed: page.showClosed))
        },
        .on(IntakeQueuePage.self, .intakeDiscard, [.character("D")], .intakeQueue, "搁置草稿（不生成卷宗；先确认）") { page, ctx, _ in
            guard let entry = page.selected, entry.status == .open else { ctx.info("只能搁置待确认的草稿"); return }
            ctx.push(IntakeConfirm(title: "搁置草稿", lines: [
                "\(entry.unitName ?? "（单位未定）") · \(entry.title)",
                "来自 \(entry.sourceFile)。搁置后不再列在队列中，不生成卷宗；按 \(ctx.key(.intakeShowClosed)) 仍可查看。",
            ], action: .discard(draftID: entry.id)))
        },
        .on(IntakeQueuePage.self, .intakeQueueClose, [.escape, .character("q"), .character("i")], .intakeQueue, "关闭待确认报告") { _, ctx, _ in
            ctx.closeTop()
        },
    ]

    var selected: IntakeQueueEntry? { entries.indices.contains(position.cursor) ? entries[position.cursor] : nil }

    mutating func receive(_ list: [IntakeQueueEntry]) {
        let keep = selected?.id
        entries = list
        loaded = true
        position.set(list.firstIndex { $0.id == keep } ?? position.cursor, count: list.count)
    }

    public mutating func move(_ move: ListMove, in state: AppState) {
        move.apply(to: &position, count: entries.count)
    }

    /// The table's columns on a screen `width` cells wide (the source file gets what is left).
    static func columns(width: Int) -> [Column] {
        var c = baseColumns
        c[c.count - 1].width = max(26, width - 118)
        return c
    }

    static let baseColumns: [Column] = [
        Column(title: "单位（原文所载）", width: 0, priority: 0, flexible: true, minWidth: 20),
        Column(title: "年度", width: 6, priority: 1),
        Column(title: "类型", width: 12, priority: 4),
        Column(title: "模板（吻合度）", width: 14, priority: 3),
        Column(title: "已定/需定", width: 9, align: .right, priority: 2),
        Column(title: "状态", width: 12, priority: 1),
        Column(title: "核算", width: 6, align: .right, priority: 5),
        Column(title: "来源", width: 26, priority: 6),
    ]

    static func cells(_ e: IntakeQueueEntry) -> [String] {
        let status: String = switch e.status {
        case .open: e.ready ? "可生成卷宗" : "待确认 \(e.required - e.settled) 项"
        case .converted: "已生成 " + (e.dossierID ?? "")
        case .discarded: "已搁置"
        }
        let source = e.sourceFile + (e.title.isEmpty ? "" : " · " + e.title)
        let template = e.templateID.map { id in e.templateFit.map { "\(id)（\($0)）" } ?? id } ?? "未定"
        return [e.unitName ?? "（未找到单位）", e.year ?? "—", e.evalType?.label ?? "—", template, "\(e.settled)/\(e.required)", status,
                e.problems == 0 ? "" : "\(e.problems)", source]
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let screen = frame.screen
        buffer.fill(screen)
        let open = entries.filter { $0.status == .open }
        let ready = open.filter(\.ready).count
        PaneChrome.title("待确认报告 \(open.count) 篇" + (showClosed ? "（含已处理）" : ""), right: "可生成卷宗 \(ready) 篇",
                         rect: Rect(x: screen.x, y: screen.y, width: screen.width, height: 1), focused: true, into: &buffer)
        let detailRows = screen.height >= 40 ? 7 : 4
        let table = Rect(x: screen.x, y: screen.y + 1, width: screen.width, height: max(2, screen.height - 2 - detailRows - 1))
        if entries.isEmpty {
            let text = loaded ? "队列中没有草稿。用 fuhe intake 报告文件 --import 读入报告。" : "读取中…"
            buffer.put(text, x: table.x + 1, y: table.y + 1, style: .dim, maxWidth: table.width - 2, clip: table)
        } else {
            PaneTable.draw(columns: Self.columns(width: table.width), body: table, count: entries.count, position: position, into: &buffer) { i in
                let cells = Self.cells(entries[i])
                var style = i == position.cursor ? Style(reverse: true) : .plain
                if entries[i].status != .open { style.dim = true }
                return PaneTable.Line(cells: cells, style: style, cellStyles: entries[i].ready ? [5: .bold] : [:])
            }
        }
        buffer.fill(Rect(x: screen.x, y: table.maxY, width: screen.width, height: 1), with: "─", style: .dim)
        let body = Rect(x: screen.x + 1, y: table.maxY + 1, width: screen.width - 2, height: detailRows)
        let lines = (selected.map(Self.detail) ?? []).flatMap { $0.wrapped(toWidth: max(1, body.width)) }
        for (i, line) in lines.prefix(detailRows).enumerated() {
            buffer.put(line, x: body.x, y: body.y + i, maxWidth: body.width, clip: body)
        }
        let keys = PageKeys.line(state, [(.intakeOpenDraft, "确认"), (.intakeShowClosed, showClosed ? "只看待确认" : "含已处理"),
                                         (.intakeDiscard, "搁置"), (.intakeQueueClose, "返回")])
        buffer.put(keys, x: screen.x + 1, y: screen.maxY - 1, style: .dim, maxWidth: screen.width - 2, clip: screen)
    }

    static func detail(_ e: IntakeQueueEntry) -> [String] {
        var out = ["\(e.title)（\(e.sourceFile)；\(e.createdBy) \(e.createdAt.prefix(16).replacingOccurrences(of: "T", with: " ")) 读入）"]
        switch e.status {
        case .open:
            out.append(e.ready ? "单位、年度、类型、模板和各项得分均已确认：可生成卷宗。"
                       : "单位、年度、类型、模板与所载各项得分须逐项确认（或标记原文未载）：已定 \(e.settled)/\(e.required)。")
        case .converted: out.append("已生成卷宗 \(e.dossierID ?? "")：按 Enter 打开。")
        case .discarded: out.append("已搁置，不生成卷宗。")
        }
        if e.problems > 0 { out.append("原文核算有 \(e.problems) 处不一致（生成卷宗后可登记为问题）。") }
        return out
    }
}

/// A page's key line: "Enter 确认 · c 含已处理 · Esc 返回", with the keys in force; the short
/// labels when the long ones do not fit `width`.
enum PageKeys {
    static func line(_ state: AppState, _ entries: [(CommandID, String)], short: [String]? = nil, width: Int = .max) -> String {
        let long = text(state, entries)
        guard let short, DisplayWidth.of(long) > width else { return long }
        return text(state, zip(entries, short).map { ($0.0.0, $0.1) })
    }

    private static func text(_ state: AppState, _ entries: [(CommandID, String)]) -> String {
        entries.compactMap { id, label in
            let key = state.key(id)
            return key.isEmpty ? nil : "\(key) \(label)"
        }.joined(separator: " · ")
    }
}
