import FuheCore
import TermCore

/// Draws the conflict pane: title, the list of conflicts with their decisions, the selected
/// conflict's base / main / copy values side by side, and a key line.
public enum ConflictPaneView {
    public static func render(_ pane: ConflictPane) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: pane.width, height: pane.height)
        let w = pane.width, h = pane.height
        guard w > 10, h > 6 else { return buffer }
        let header = " 合并冲突 · \(pane.title) · 已决定 \(pane.decidedCount)/\(pane.rows.count) · 另有 \(pane.automatic) 处自动合并"
        buffer.fill(Rect(x: 0, y: 0, width: w, height: 1), style: .reverse)
        _ = buffer.put(header, x: 0, y: 0, style: Style(bold: true, reverse: true), maxWidth: w)

        let listHeight = max(3, min(pane.rows.count, (h - 4) / 3))
        let top = max(0, min(pane.cursor - listHeight / 2, pane.rows.count - listHeight))
        for i in 0..<listHeight {
            let index = top + i
            guard pane.rows.indices.contains(index) else { break }
            let row = pane.rows[index]
            let selected = index == pane.cursor
            let tag: String = switch pane.decisions[row.conflict.id] {
            case .main?: "[取主库]"
            case .copy?: "[取副本]"
            case .value?: "[改值  ]"
            case nil: "[待决定]"
            }
            let line = "\(selected ? "▸" : " ") \(tag) \(row.place) · \(row.field)"
            var style = selected ? Style(reverse: true) : .plain
            if pane.decisions[row.conflict.id] == nil && !selected { style.bold = true }
            if selected { buffer.fill(Rect(x: 0, y: 1 + i, width: w, height: 1), style: style) }
            _ = buffer.put(line, x: 0, y: 1 + i, style: style, maxWidth: w)
        }

        let detailTop = 1 + listHeight
        guard pane.rows.indices.contains(pane.cursor) else {
            _ = buffer.put(" 没有冲突", x: 0, y: detailTop, maxWidth: w)
            keyLine(pane, into: &buffer)
            return buffer
        }
        let row = pane.rows[pane.cursor]
        var info = "\(row.place) · \(row.field)：\(row.conflict.kind.label)"
        if !row.companions.isEmpty { info += "（同时决定：\(row.companions)）" }
        buffer.fill(Rect(x: 0, y: detailTop, width: w, height: 1), with: "─", style: .dim)
        _ = buffer.put(info.truncated(toWidth: w - 2), x: 1, y: detailTop, style: .bold, maxWidth: w - 1)

        let editorHeight = pane.editor == nil ? 0 : 3
        let columnsTop = detailTop + 1
        let columnsHeight = h - 1 - columnsTop - editorHeight
        let columnWidth = (w - 2) / 3
        let chosen = pane.decisions[row.conflict.id]
        let columns: [(String, String, Bool)] = [
            ("基准（借出时）", row.base, false),
            ("主库", row.main, chosen == .main),
            ("副本", row.copy, chosen == .copy),
        ]
        for (i, column) in columns.enumerated() {
            let x = i * (columnWidth + 1)
            let width = i == 2 ? w - x : columnWidth
            guard columnsHeight > 0 else { break }
            let headingStyle = column.2 ? Style(bold: true, reverse: true) : Style(bold: true, underline: true)
            _ = buffer.put((column.2 ? "✓ " : "") + column.0, x: x, y: columnsTop, style: headingStyle, maxWidth: width)
            let lines = column.1.wrapped(toWidth: max(width - 1, 1))
            for (j, line) in lines.prefix(max(columnsHeight - 1, 0)).enumerated() {
                _ = buffer.put(line, x: x, y: columnsTop + 1 + j, maxWidth: width - 1)
            }
            if lines.count > columnsHeight - 1, columnsHeight > 1 {
                _ = buffer.put("…", x: x + width - 2, y: columnsTop + columnsHeight - 1, style: .dim, maxWidth: 1)
            }
            if i < 2 { PaneChrome.vertical(x: x + width, from: columnsTop, to: columnsTop + columnsHeight - 1, into: &buffer) }
        }
        if let editor = pane.editor {
            let y = h - 1 - editorHeight
            buffer.fill(Rect(x: 0, y: y, width: w, height: 1), with: "─", style: .dim)
            _ = buffer.put(" 改为（\(pane.keymap.key(.textSubmit)) 确定，\(pane.keymap.key(.textCancel)) 取消）", x: 0, y: y, style: .bold, maxWidth: w)
            editor.render(into: &buffer, rect: Rect(x: 1, y: y + 1, width: w - 2, height: editorHeight - 1), style: Style(underline: true))
        }
        keyLine(pane, into: &buffer)
        return buffer
    }

    static func keyLine(_ pane: ConflictPane, into buffer: inout ScreenBuffer) {
        let y = pane.height - 1
        buffer.fill(Rect(x: 0, y: y, width: pane.width, height: 1), style: .reverse)
        let k = pane.keymap.key
        let text = pane.message ?? "\(k(.mergeTakeMain)) 取主库 · \(k(.mergeTakeCopy)) 取副本 · \(k(.mergeEdit)) 改值 · \(k(.mergeRestMain))/\(k(.mergeRestCopy)) 其余全取主库/副本 · \(k(.down))/\(k(.up)) 上下 · \(k(.mergeFinish)) 合并 · \(k(.mergeCancel)) 放弃"
        _ = buffer.put(" " + text, x: 0, y: y, style: Style(bold: pane.message != nil, reverse: true), maxWidth: pane.width)
    }
}
