import Foundation
import FuheCore

/// One report's stretch of the working text, with what the extractors share: its lines, its
/// numbers, sentence and heading look-ups, and the conversion of working ranges to source spans.
final class ReportContext {
    let source: SourceText
    let w: WorkingText
    /// The report's lines (all kinds), in order.
    let lines: [TextLine]
    /// Working offsets of the report: [start, end).
    let start: Int
    let end: Int
    let numbers: [NumberToken]
    let isCompilationPart: Bool
    /// Sentence boundaries ("。", "!", "?", newline) inside the report, ascending.
    private let stops: [Int]
    /// Headings with their titles, in order.
    let headings: [Heading]

    struct Heading {
        var line: TextLine
        var level: Outline.Level
        var title: String
    }

    init(source: SourceText, w: WorkingText, lines: [TextLine], numbers: [NumberToken], isCompilationPart: Bool) {
        self.source = source
        self.w = w
        self.lines = lines
        self.start = lines.first?.start ?? 0
        self.end = lines.last?.end ?? 0
        self.numbers = numbers
        self.isCompilationPart = isCompilationPart
        var stops: [Int] = []
        for i in start..<max(start, end) {
            let c = w.scalars[i]
            if c == "。" || c == "\n" || c == "!" || c == "?" { stops.append(i) }
        }
        self.stops = stops
        headings = lines.compactMap { line -> Heading? in
            guard line.kind == .text else { return nil }
            if let m = line.marker { return Heading(line: line, level: m.level, title: ReportContext.title(w, from: m.end, to: line.end)) }
            // A short line of its own naming a section ("存在的问题", "整改措施:") is a heading too.
            let t = line.text.trimmingCharacters(in: CharacterSet(charactersIn: " :"))
            guard t.count >= 2, t.count <= 16, !t.contains("。"), !t.contains(","), ListExtractor.role(t) != .other else { return nil }
            return Heading(line: line, level: .chapter, title: t)
        }
    }

    var textLines: [TextLine] { lines.filter { $0.kind == .text } }

    /// The heading title: up to the first "。", ":" or ";" (at most 30 characters).
    static func title(_ w: WorkingText, from a: Int, to b: Int) -> String {
        var i = a
        while i < b, i - a < 30 {
            let c = w.scalars[i]
            if c == "。" || c == ":" || c == ";" { break }
            i += 1
        }
        return w.string(a, i).trimmingCharacters(in: .whitespaces)
    }

    /// Source span of working range [a, b).
    func span(_ a: Int, _ b: Int) -> SourceSpan {
        let (x, y) = w.sourceRange(a, b)
        return source.span(x, y)
    }

    func text(_ a: Int, _ b: Int) -> String { w.string(a, b) }

    /// The sentence around offset `i`: [after the previous stop, up to and including the next stop).
    func sentence(at i: Int) -> (Int, Int) {
        var lo = 0, hi = stops.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if stops[mid] < i { lo = mid + 1 } else { hi = mid }
        }
        let a = lo > 0 ? stops[lo - 1] + 1 : start
        let b = lo < stops.count ? stops[lo] + 1 : end
        return (a, b)
    }

    /// The nearest heading above offset `i` (its title), if any.
    func heading(before i: Int) -> Heading? {
        var lo = 0, hi = headings.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if headings[mid].line.start <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? headings[lo - 1] : nil
    }

    /// The line holding offset `i`.
    func line(at i: Int) -> TextLine? {
        var lo = 0, hi = lines.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lines[mid].start <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lines[lo - 1] : nil
    }

    /// Numbers whose digits start in [a, b).
    func numbers(in a: Int, _ b: Int) -> ArraySlice<NumberToken> {
        var lo = 0, hi = numbers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if numbers[mid].start < a { lo = mid + 1 } else { hi = mid }
        }
        var hi2 = numbers.count
        var lo2 = lo
        while lo2 < hi2 {
            let mid = (lo2 + hi2) / 2
            if numbers[mid].start < b { lo2 = mid + 1 } else { hi2 = mid }
        }
        return numbers[lo..<lo2]
    }

    /// Offsets of every occurrence of `needle` in [a, b).
    func occurrences(of needle: String, in a: Int? = nil, _ b: Int? = nil) -> [Int] {
        let n = Array(needle.unicodeScalars)
        guard let first = n.first else { return [] }
        let lo = a ?? start, hi = b ?? end
        var out: [Int] = []
        var i = lo
        let s = w.scalars
        while i + n.count <= hi {
            if s[i] == first {
                var ok = true
                for k in 1..<n.count where s[i + k] != n[k] { ok = false; break }
                if ok { out.append(i); i += n.count; continue }
            }
            i += 1
        }
        return out
    }

    /// Whether the working text at `i` reads `literal`.
    func has(_ literal: String, at i: Int) -> Bool { NumberScanner.matches(w.scalars, i, literal) }
}
