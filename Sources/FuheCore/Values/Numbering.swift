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

    /// N-001 when `seq` is outside the range.
    public static func check(_ seq: Int, what: String) -> ValidationMessage? {
        guard !range.contains(seq) else { return nil }
        return ValidationMessage(code: "N-001", level: .error,
                                 message: tr("\(what)序号 \(seq) 超出范围（须在 \(range.lowerBound) 到 \(range.upperBound) 之间）",
                                             "\(what) number \(seq) is out of range (it must be \(range.lowerBound) to \(range.upperBound))"),
                                 field: "seq")
    }
}
