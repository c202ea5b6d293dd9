/// The text as read from the file, as an array of scalars with its line starts: turns scalar
/// offsets into 1-based (line, column) places. Never modified; every span of a draft points into it.
struct SourceText {
    let scalars: [Unicode.Scalar]
    /// Offset of the first scalar of each line; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, s) in scalars.enumerated() where s == "\n" { starts.append(i + 1) }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// 1-based line of an offset.
    func line(of offset: Int) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The place of [start, end) (end exclusive; an empty range is widened to one scalar).
    func span(_ start: Int, _ end: Int) -> FuheCoreSpan {
        let s = max(0, min(start, scalars.count))
        let e = max(s + 1, min(end, scalars.count))
        let l1 = line(of: s), l2 = line(of: e - 1)
        return FuheCoreSpan(line: l1, column: s - lineStarts[l1 - 1] + 1, endLine: l2, endColumn: e - 1 - lineStarts[l2 - 1] + 2)
    }

    /// Scalars [start, end) as a string.
    func string(_ start: Int, _ end: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(v)
    }

    /// Lines first…last (1-based, inclusive) joined by "\n".
    func lines(_ first: Int, _ last: Int) -> String {
        let a = lineStarts[first - 1]
        let b = last < lineStarts.count ? lineStarts[last] - 1 : scalars.count
        return string(a, max(a, b))
    }
}
