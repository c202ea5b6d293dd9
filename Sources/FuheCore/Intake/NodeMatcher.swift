import Foundation
import Synchronization

/// Maps indicator names as printed in a report to nodes of a template: simplified and traditional
/// alike, ignoring quotes, spaces, digits and punctuation; a printed text that contains a node's
/// name maps to it (the longest name wins), otherwise the node whose name shares the most
/// character pairs with it, if that is most of the name (abbreviations). Each node takes at most one
/// indicator. The one rule for proposing and re-proposing mappings (also when the reviewer picks
/// another template).
public enum NodeMatcher {
    private static let keys = Mutex<[String: [UInt32]]>([:])

    /// A name reduced to what identifies it: simplified Han characters and ASCII letters (names
    /// of template nodes are looked up many times: their keys are kept).
    public static func key(_ text: String) -> [UInt32] {
        if let hit = keys.withLock({ $0[text] }) { return hit }
        let k = computeKey(text)
        if text.count <= 40 { keys.withLock { if $0.count < 20_000 { $0[text] = k } } }
        return k
    }

    static func computeKey(_ text: String) -> [UInt32] {
        let folded = HanFold.fold(text)
        var out: [UInt32] = []
        out.reserveCapacity(folded.unicodeScalars.count)
        for s in folded.unicodeScalars {
            if HanFold.isHan(s) { out.append(s.value) }
            else if (0x41...0x5A).contains(s.value) { out.append(s.value + 0x20) }
            else if (0x61...0x7A).contains(s.value) { out.append(s.value) }
        }
        return out
    }

    /// One proposal.
    public struct Candidate: Hashable, Sendable {
        public var code: String
        public var name: String
        public var match: DraftIndicator.Match
        /// 0…1.
        public var similarity: Double
    }

    /// The best node for one printed name (nil when nothing reaches `threshold`).
    public static func best(label: String, parentLabel: String? = nil, in template: IndicatorTemplate,
                            threshold: Double = 0.6) -> Candidate? {
        candidates(label: label, parentLabel: parentLabel, in: template).first { $0.similarity >= threshold }
    }

    /// Every node with a positive similarity, best first.
    public static func candidates(label: String, parentLabel: String?, in template: IndicatorTemplate) -> [Candidate] {
        let l = key(label)
        guard l.count >= 2 else { return [] }
        let parentKey = parentLabel.map(key)
        var out: [Candidate] = []
        for node in template.nodes {
            let n = key(node.name)
            guard n.count >= 2 else { continue }
            var (match, score) = similarity(label: l, name: n)
            guard score > 0 else { continue }
            if let parentKey, let pid = node.parentID, let parent = template.node(id: pid) {
                let p = key(parent.name)
                if !p.isEmpty, similarity(label: parentKey, name: p).1 >= 0.6 { score += 0.05 }
            }
            // Longer names are more specific: a tie goes to the longer one.
            score += Double(n.count) * 0.0001
            out.append(Candidate(code: node.code, name: node.name, match: match, similarity: min(score, 1)))
        }
        return out.sorted { $0.similarity > $1.similarity }
    }

    static func similarity(label l: [UInt32], name n: [UInt32]) -> (DraftIndicator.Match, Double) {
        if l == n { return (.exact, 1) }
        if contains(l, n) { return (.contains, 0.95) }
        if l.count >= 3, contains(n, l) { return (.contains, 0.7 + 0.2 * Double(l.count) / Double(n.count)) }
        let pairs = bigrams(n)
        guard !pairs.isEmpty else { return (.none, 0) }
        let have = Set(bigrams(l))
        let shared = pairs.filter { have.contains($0) }.count
        let score = Double(shared) / Double(pairs.count)
        return (.fuzzy, score * 0.9)
    }

    static func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        outer: for start in 0...(haystack.count - needle.count) {
            for j in 0..<needle.count where haystack[start + j] != needle[j] { continue outer }
            return true
        }
        return false
    }

    static func bigrams(_ k: [UInt32]) -> [UInt64] {
        guard k.count >= 2 else { return [] }
        return (0..<(k.count - 1)).map { UInt64(k[$0]) << 32 | UInt64(k[$0 + 1]) }
    }

    /// Maps every indicator to a distinct node of `template` (indicators the reviewer mapped by
    /// hand keep their choice when the node exists in `template`).
    public static func map(_ indicators: [DraftIndicator], to template: IndicatorTemplate) -> [DraftIndicator] {
        var out = indicators
        var taken = Set<String>()
        for (i, ind) in out.enumerated() where ind.match == .chosen {
            if let code = ind.node, template.node(code: code) != nil, taken.insert(code).inserted { continue }
            out[i].match = .none
            out[i].node = nil
            out[i].nodeName = nil
        }
        var proposals: [(index: Int, candidate: Candidate)] = []
        for (i, ind) in out.enumerated() where ind.match != .chosen {
            for c in candidates(label: ind.label, parentLabel: ind.parentLabel, in: template).prefix(6) where c.similarity >= 0.6 {
                proposals.append((i, c))
            }
            out[i].node = nil
            out[i].nodeName = nil
            out[i].match = .none
            out[i].similarity = "0.00"
        }
        var placed = Set<Int>()
        for p in proposals.sorted(by: { $0.candidate.similarity > $1.candidate.similarity || ($0.candidate.similarity == $1.candidate.similarity && $0.index < $1.index) }) {
            guard !placed.contains(p.index), !taken.contains(p.candidate.code) else { continue }
            placed.insert(p.index)
            taken.insert(p.candidate.code)
            out[p.index].node = p.candidate.code
            out[p.index].nodeName = p.candidate.name
            out[p.index].match = p.candidate.match
            out[p.index].similarity = String(format: "%.2f", p.candidate.similarity)
        }
        return out
    }
}
