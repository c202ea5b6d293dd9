/// Fixed words looked up in scalar text without building strings: the hot loops of the reader
/// (every line, every heading) ask these instead of `String.contains`.
struct Words: Sendable {
    let words: [[Unicode.Scalar]]
    /// Words by their first scalar, so that one pass over a text asks only the words that can start there.
    private let byFirst: [Unicode.Scalar: [Int]]

    init(_ list: [String]) {
        words = list.map { Array($0.unicodeScalars) }
        var index: [Unicode.Scalar: [Int]] = [:]
        for (k, w) in words.enumerated() { if let f = w.first { index[f, default: []].append(k) } }
        byFirst = index
    }

    /// Index of the first word occurring in s[a..<b], nil when none does.
    func first(in s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Int? {
        var best: (at: Int, word: Int)?
        for (k, w) in words.enumerated() {
            if let at = Words.find(w, in: s, a, b), best == nil || at < best!.at { best = (at, k) }
        }
        return best?.word
    }

    /// Whether any word occurs in s[a..<b] (one pass).
    func any(in s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        var i = a
        while i < b {
            if let candidates = byFirst[s[i]] {
                for k in candidates {
                    let w = words[k]
                    guard i + w.count <= b else { continue }
                    var j = 1
                    while j < w.count, s[i + j] == w[j] { j += 1 }
                    if j == w.count { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Whether any word occurs in a short string.
    func any(in text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        return any(in: s, 0, s.count)
    }

    /// First offset of `w` in s[a..<b].
    static func find(_ w: [Unicode.Scalar], in s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Int? {
        guard let first = w.first, b - a >= w.count else { return nil }
        var i = a
        let last = b - w.count
        while i <= last {
            if s[i] == first {
                var k = 1
                while k < w.count, s[i + k] == w[k] { k += 1 }
                if k == w.count { return i }
            }
            i += 1
        }
        return nil
    }
}
