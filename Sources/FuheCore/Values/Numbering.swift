/// 序号: the numbers of findings and rectification items within a dossier, 1 to 99,999. Every
/// path that stores a number checks it here, and every "next number" is computed here, so no
/// number can grow until arithmetic traps (a `seq` of Int.max, then "largest + 1").
///
/// `Numbering.next(after: [1, 2, 5]) // 6` — `Numbering.next(after: [99_999]) // nil`
public enum Numbering {
    /// The numbers a finding or item may carry.
    public static let range = 1...99_999

    /// The number after the largest used (1 when none is used); nil when the largest is already
    /// the last of the range (the dossier has no number left to give).
    public static func next(after used: some Sequence<Int>) -> Int? {
        let largest = used.max() ?? 0
        guard largest < range.upperBound else { return nil }
        return Swift.max(largest, 0) + 1
    }

    /// A new id "KIND-n" (or "KIND-TAG-n") not among `existing`: one more than the largest
    /// number in use, or — when that number is too large to add to (an imported
    /// "F-9223372036854775807") — the smallest free one. Never traps.
    ///
    /// `Numbering.nextID("F", existing: ["F-1", "F-2"]) // "F-3"`
    public static func nextID(_ kind: String, tag: String = "", existing: [String]) -> String {
        let prefix = tag.isEmpty ? kind : "\(kind)-\(tag)"
        let taken = Set(existing)
        let numbers = existing.compactMap { id -> Int? in
            guard id.hasPrefix(prefix + "-") else { return nil }
            return Int(id.dropFirst(prefix.count + 1))
        }
        var n = 1
        if let largest = numbers.max(), largest >= 1, largest < Int.max { n = largest + 1 }
        while taken.contains("\(prefix)-\(n)") { n += 1 }
        return "\(prefix)-\(n)"
    }

    /// N-001 when `seq` is outside the range.
    public static func check(_ seq: Int, what: String) -> ValidationMessage? {
        guard !range.contains(seq) else { return nil }
        return ValidationMessage(code: "N-001", level: .error,
                                 message: tr("\(what)序号 \(seq) 超出范围（须在 \(range.lowerBound) 到 \(range.upperBound) 之间）",
                                             "\(what) number \(seq) is out of range (it must be \(range.lowerBound) to \(range.upperBound))"),
                                 field: "seq")
    }
}
