import FuheCore
import TermCore

/// Searching the 原文 (`/`, `n`, `N`): line by line with `TextMatcher` (Chinese, full pinyin,
/// initials, 繁简 alike), incrementally while typing. Each line's search key is built once, on the
/// first search of the page, and kept.
extension SourcePage {
    mutating func startSearch(_ state: AppState) {
        guard source != nil else { return }
        search = LineEditor(text: "")
        searchOrigin = cursor
        if keys == nil { keys = Self.searchKeys(lines) }
    }

    /// Search keys for every line of a text (each distinct character read once).
    static func searchKeys(_ lines: [Substring]) -> [TextMatcher.Key] {
        TextMatcher.keys(for: lines.lazy.map(String.init), readings: HanPinyin.searchReading)
    }

    /// A key for the search field.
    mutating func input(_ key: KeyEvent, in ctx: inout UpdateContext) {
        guard var editor = search else { return }
        let outcome = editor.handle(key)
        search = editor
        switch outcome {
        case .submit: endSearch(keep: true, &ctx)
        case .cancel: endSearch(keep: false, &ctx)
        case .edited:
            let origin = searchOrigin ?? cursor
            if editor.text.trimmingCharacters(in: .whitespaces).isEmpty {
                match = nil
                go(to: origin, in: ctx.state)
            } else if !find(editor.text, from: origin.line, forward: true, includeStart: true, in: ctx.state) {
                match = nil
            }
        default: break
        }
    }

    /// Enter keeps the match (and the query for `n`/`N`); Esc goes back to where the search began.
    mutating func endSearch(keep: Bool, _ ctx: inout UpdateContext) {
        let text = search?.text.trimmingCharacters(in: .whitespaces) ?? ""
        search = nil
        if keep && !text.isEmpty {
            query = text
            if match == nil { ctx.info("原文中没有找到“\(text)”") }
        } else {
            match = nil
            if let origin = searchOrigin { go(to: origin, in: ctx.state) }
        }
        searchOrigin = nil
    }

    mutating func searchAgain(forward: Bool, _ ctx: inout UpdateContext) {
        guard let query else { ctx.info("没有搜索词：按 \(ctx.key(.sourceSearch)) 输入"); return }
        if keys == nil { keys = Self.searchKeys(lines) }
        if !find(query, from: cursor.line, forward: forward, includeStart: false, in: ctx.state) {
            ctx.info("原文中没有找到“\(query)”")
        }
    }

    /// Moves to the first line from `start` (wrapping round) that matches, highlighting the match.
    mutating func find(_ text: String, from start: Int, forward: Bool, includeStart: Bool, in state: AppState) -> Bool {
        guard let keys, !keys.isEmpty else { return false }
        let matcher = TextMatcher(query: text, readings: HanPinyin.searchReading)
        let n = keys.count
        for step in (includeStart ? 0 : 1)...n {
            let i = ((start + (forward ? step : -step)) % n + n) % n
            guard let range = matcher.firstMatchRange(in: keys[i]) else { continue }
            let scalars = keys[i].text
            let from = scalars.unicodeScalars.distance(from: scalars.startIndex, to: range.lowerBound)
            let to = scalars.unicodeScalars.distance(from: scalars.startIndex, to: range.upperBound)
            match = (i, from..<max(from + 1, to))
            go(to: TextPlace(line: i, offset: from), in: state)
            return true
        }
        return false
    }
}
