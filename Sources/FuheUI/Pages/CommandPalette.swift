import FuheCore
import TermCore

extension CommandID {
    public static let palette = CommandID("palette.open")
    public static let paletteRun = CommandID("palette.run")
    public static let paletteCancel = CommandID("palette.cancel")
    public static let paletteDown = CommandID("palette.down")
    public static let paletteUp = CommandID("palette.up")
}

extension CommandScope {
    public static let palette = CommandScope("palette", title: "命令面板 Command palette", rank: 58)
}

/// The command palette (`:`, k9s's command mode): type to find any command of the registry, any
/// unit or any indicator of the open scoresheet — by Chinese, full pinyin, initials or 繁简
/// (`TextMatcher`: "fh" finds 复核) — and Enter runs it, opens it or jumps to it.
public struct CommandPalette: TextInput, CommandProvider {
    /// What an entry does.
    public enum Target: Sendable, Equatable {
        case command(CommandID)
        case unit(String)
        case indicator(String)
    }

    public struct Entry: Sendable, Equatable {
        public var target: Target
        /// 命令 / 单位 / 指标.
        public var kind: String
        public var label: String
        /// The key (for a command) or a note, shown on the right.
        public var note: String
    }

    public var editor = LineEditor(text: "")
    /// Every entry, with its prepared search key.
    var entries: [Entry] = []
    var keys: [TextMatcher.Key] = []
    /// Indices of the entries matching the text, best first.
    public private(set) var matches: [Int] = []
    public var position = ListPosition()

    public static let context = KeyOutcome.Context(rawValue: "palette")
    public var keyScopes: [CommandScope] { [.palette, .text] }
    public var showsCursor: Bool { true }

    static let commands: [WorkstationCommand] = [
        .init(.palette, [.character(":")], .global, "命令面板：按中文、拼音、首字母或繁简查找命令、单位、指标并执行", hint: "命令") { ctx in
            ctx.withUnitKeys { ctx in
                let palette = CommandPalette(state: ctx.state, cache: &ctx.paletteKeys)
                ctx.push(palette)
            }
        },
        .on(CommandPalette.self, .paletteRun, [.enter], .palette, "执行所选命令 / 打开单位 / 跳到指标") { palette, ctx, _ in palette.run(&ctx) },
        .on(CommandPalette.self, .paletteCancel, [.escape], .palette, "关闭命令面板") { _, ctx, _ in ctx.closeTop() },
        .on(CommandPalette.self, .paletteDown, [.down, .ctrl("n")], .palette, "下一项") { palette, _, _ in palette.position.move(by: 1, count: palette.matches.count) },
        .on(CommandPalette.self, .paletteUp, [.up, .ctrl("p")], .palette, "上一项") { palette, _, _ in palette.position.move(by: -1, count: palette.matches.count) },
    ]

    /// Scopes whose commands the palette offers: the panes' and the general ones (plus the
    /// demo's in `fuhe demo`); keys of forms, text fields and overlays only make sense there.
    static let offeredScopes: Set<String> = ["global", "units", "sheet", "items"]

    /// The entries for `state`; their search keys come from `cache` when the texts are the same
    /// as last time (reading the pinyin of 2,000 unit names is what makes the first open slow).
    init(state: AppState, cache: inout (texts: [String], keys: [TextMatcher.Key])?) {
        var entries: [Entry] = []
        let scopes = Self.offeredScopes.union(state.training == nil ? [] : ["training"])
        for spec in CommandRegistry.all where scopes.contains(spec.scope.name) && spec.id != .palette {
            let where_ = spec.scope == .global ? "" : "（\(spec.scope.title.split(separator: " ").first ?? "")）"
            entries.append(Entry(target: .command(spec.id), kind: "命令", label: spec.help + where_,
                                 note: [state.keymap.keyLabel(spec.id), spec.name].filter { !$0.isEmpty }.joined(separator: " ")))
        }
        for u in state[UnitsPane.self].allKeys ?? [] {
            entries.append(Entry(target: .unit(u.dossierID), kind: "单位", label: u.unitName,
                                 note: "\(u.yearIsDemo ? "\(u.fiscalYear)*" : "\(u.fiscalYear)") \(u.evalType.label) \(u.reviewStatus?.label ?? "未开始")"))
        }
        if let d = state.dossier {
            for node in d.template.nodes {
                entries.append(Entry(target: .indicator(node.id), kind: "指标", label: "\(node.code) \(node.name)", note: d.unit.displayName))
            }
        }
        self.entries = entries
        let texts = entries.map { "\($0.label) \($0.note)" }
        if let cache, cache.texts == texts {
            keys = cache.keys
        } else {
            keys = TextMatcher.keys(for: texts, readings: HanPinyin.searchReading)
            cache = (texts, keys)
        }
        refilter()
    }

    /// The entries matching the text, best first: the earliest match in the label wins, then the
    /// entry's order (commands, units, indicators).
    mutating func refilter() {
        let query = editor.text
        let matcher = TextMatcher(query: query, readings: HanPinyin.searchReading)
        if matcher.isEmpty {
            matches = Array(entries.indices)
        } else {
            var ranked: [(start: Int, index: Int)] = []
            for (i, key) in keys.enumerated() {
                guard let range = matcher.firstMatchRange(in: key) else { continue }
                ranked.append((key.text.distance(from: key.text.startIndex, to: range.lowerBound), i))
            }
            matches = ranked.sorted { ($0.start, $0.index) < ($1.start, $1.index) }.map(\.index)
        }
        position = ListPosition()
    }

    /// The entry under the cursor.
    public var selected: Entry? { matches.indices.contains(position.cursor) ? entries[matches[position.cursor]] : nil }

    /// Every entry that matches now, best first.
    public var matchedEntries: [Entry] { matches.map { entries[$0] } }

    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext) {
        switch editor.handle(key) {
        case .submit: run(&ctx)
        case .cancel: ctx.closeTop()
        case .edited: refilter()
        default: break
        }
    }

    /// Runs the selected command in its pane, opens the unit, or jumps to the indicator.
    mutating func run(_ ctx: inout UpdateContext) {
        guard let entry = selected else { ctx.info("没有匹配“\(editor.text)”的命令、单位或指标"); return }
        ctx.closeTop()
        switch entry.target {
        case .command(let id):
            guard let command = CommandRegistry.byID[id] else { return }
            if let pane = FocusRing.panes.first(where: { $0.scope == command.spec.scope }) { ctx.setFocus(pane.id) }
            ctx.run(command, key: ctx.state.keymap.keys(for: id).first ?? .escape)
        case .unit(let id):
            if let i = ctx.state[UnitsPane.self].allKeys?.firstIndex(where: { $0.dossierID == id }) {
                ctx.state[UnitsPane.self].position.set(i, count: UnitsPane.count(ctx.state))
                ctx.keepCursorsVisible()
            }
            ctx.load(id, mode: .open)
            ctx.setFocus(.sheet)
            ctx.info("已打开 \(entry.label)")
        case .indicator(let id):
            ctx.reveal(nodeID: id)
            ctx.info("\(entry.label)")
        }
    }

    public func render(_ state: AppState, in frame: OverlayFrame, into buffer: inout ScreenBuffer) {
        let screen = frame.screen
        let height = min(max(8, screen.height - 4), 24)
        let keys = "\(state.key(.paletteRun)) 执行 · \(state.keymap.keyLabel(.paletteDown))/\(state.keymap.keyLabel(.paletteUp)) 选择 · \(state.key(.paletteCancel)) 关闭"
        let inner = OverlayBox.draw(title: "命令面板（\(matches.count) 项匹配；\(keys)）", width: 110, height: height,
                                    in: Rect(x: screen.x, y: screen.y, width: screen.width, height: height + 2), into: &buffer)
        buffer.put(":", x: inner.x, y: inner.y, style: .bold, clip: inner)
        editor.render(into: &buffer, rect: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), style: Style(underline: true))
        let list = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        var pos = position
        pos.scroll(height: list.height, count: matches.count)
        for row in 0..<list.height {
            let i = pos.top + row
            guard i < matches.count else { break }
            let e = entries[matches[i]]
            let noteWidth = min(DisplayWidth.of(e.note), max(0, list.width / 3))
            let text = "\(e.kind) \(e.label)".truncated(toWidth: max(1, list.width - noteWidth - 2)).padded(toWidth: list.width - noteWidth)
                + e.note.truncated(toWidth: noteWidth).padded(toWidth: noteWidth, alignment: .right)
            buffer.put(text, x: list.x, y: list.y + row, style: i == position.cursor ? .reverse : .plain, maxWidth: list.width, clip: list)
        }
    }
}
