/// Where text sits in a field wider than the text.
///
/// `"中".padded(toWidth: 4, alignment: .center) // " 中 "`
public enum TextAlignment: Sendable, Hashable {
    case left, right, center
}

extension String {
    /// The string cut to at most `width` cells, ending in `ellipsis` when anything was cut.
    ///
    /// `"绥宁县黄土矿镇".truncated(toWidth: 6) // "绥宁 …"`
    ///
    /// The rule: a string that fits is returned unchanged; a cut string is exactly `width` cells.
    /// Whole grapheme clusters are kept while they fit beside the ellipsis; when a wide character
    /// would straddle that edge, a space fills its half cell (as a terminal shows a wide
    /// character cut by a clip edge), so the ellipsis always ends on the last column. When even
    /// the ellipsis does not fit, the text is cut without it. `width <= 0` gives "".
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        guard ellipsisWidth <= width else { return filledPrefix(width: width) }
        return filledPrefix(width: width - ellipsisWidth) + ellipsis
    }

    /// The string padded with spaces to exactly `width` cells, or truncated (with `ellipsis`)
    /// when longer; extra space of a centred string goes to the right.
    ///
    /// `"12.5".padded(toWidth: 6, alignment: .right) // "  12.5"`
    public func padded(toWidth width: Int, alignment: TextAlignment = .left, ellipsis: String = "…") -> String {
        let own = displayWidth
        guard own < width else { return own == width ? self : truncated(toWidth: width, ellipsis: ellipsis) }
        let gap = width - own
        switch alignment {
        case .left: return self + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + self
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + self + String(repeating: " ", count: gap - left)
        }
    }

    /// The longest run of whole grapheme clusters from the start that fits in `width` cells.
    /// Not padded: a wide character that would straddle the edge is left out, so the result
    /// may be one cell short (pad it with ``padded(toWidth:alignment:ellipsis:)``).
    ///
    /// `"中文ab".prefix(width: 3) // "中"`
    public func prefix(width: Int) -> String {
        String(self[..<prefixEnd(width: width)])
    }

    /// The longest run of whole grapheme clusters at the end that fits in `width` cells.
    /// Not padded, like ``prefix(width:)``; handy to keep a line editor's cursor end in view.
    ///
    /// `"ab中文".suffix(width: 3) // "文"`
    public func suffix(width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var start = endIndex
        while start > startIndex {
            let before = index(before: start)
            let cells = self[before].displayWidth
            if used + cells > width { break }
            used += cells
            start = before
        }
        return String(self[start...])
    }

    /// End of the longest whole-cluster prefix that fits in `width` cells.
    func prefixEnd(width: Int) -> Index {
        guard width > 0 else { return startIndex }
        var used = 0
        var end = startIndex
        while end < endIndex {
            let cells = self[end].displayWidth
            if used + cells > width { break }
            used += cells
            end = index(after: end)
        }
        return end
    }

    /// The prefix that fits in `width` cells, padded with spaces to exactly `width`.
    func filledPrefix(width: Int) -> String {
        let head = prefix(width: width)
        let gap = width - head.displayWidth
        return gap > 0 ? head + String(repeating: " ", count: gap) : head
    }
}
