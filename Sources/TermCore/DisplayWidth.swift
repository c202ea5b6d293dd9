/// Terminal cell width of text, as glibc 2.36 `wcwidth` (and so ncurses and tmux) lays it out.
///
/// `DisplayWidth.of("中文ab") // 6`
///
/// Works without any locale: `swift test` runs in the C locale, where libc says -1 for all
/// non-ASCII. Per scalar: East Asian Wide/Fullwidth and emoji presentation take 2 cells;
/// combining marks, format characters, ZWSP/ZWJ, variation selectors and controls take 0;
/// everything else (ambiguous width included) takes 1.
public enum DisplayWidth {
    /// Cells taken by one scalar: 0, 1 or 2 (controls count 0).
    ///
    /// `DisplayWidth.of(Unicode.Scalar(0x4E2D)!) // 2`
    @inlinable
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || (value >= 0x7F && value <= 0x9F) ? 0 : 1 }
        if value >= 0x4E00 && value <= 0x9FFF { return 2 }
        return tableWidth(value)
    }

    @usableFromInline
    static func tableWidth(_ value: UInt32) -> Int {
        if WidthTables.zero.contains(value) { return 0 }
        if WidthTables.wide.contains(value) { return 2 }
        return 1
    }

    /// Whether glibc 2.36 knows the scalar, so the terminal agrees with its width here.
    ///
    /// False for unassigned code points, noncharacters and anything newer than Unicode 14.0
    /// (new emoji, CJK Extension H…), whose width here is a guess: a backend should draw
    /// U+FFFD there. Controls are known (width 0) but should never be sent to the terminal.
    ///
    /// `DisplayWidth.isKnown(Unicode.Scalar(0x1FAE9)!) // false (Unicode 15 emoji)`
    public static func isKnown(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x378 || (value >= 0x4E00 && value <= 0x9FFF) { return true }
        return !WidthTables.unknown.contains(value)
    }

    /// Cells taken by one grapheme cluster: the width of its first non-zero-width scalar;
    /// 2 for a flag (regional-indicator pair) and for an emoji ZWJ sequence.
    ///
    /// `DisplayWidth.of(Character("e\u{301}")) // 1`
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard let second = iterator.next() else { return of(first) }
        if isRegionalIndicator(first) && isRegionalIndicator(second) { return 2 }
        var result = 0
        var hasJoiner = false
        var hasWide = false
        for scalar in scalars {
            let width = of(scalar)
            if result == 0 { result = width }
            if width == 2 { hasWide = true }
            if scalar.value == 0x200D { hasJoiner = true }
        }
        return hasJoiner && hasWide ? 2 : result
    }

    /// Cells taken by a string: the sum over its grapheme clusters.
    ///
    /// `DisplayWidth.of("👨‍👩‍👧 🇨🇳") // 5`
    public static func of(_ string: String) -> Int {
        if let ascii = asciiWidth(string.utf8) { return ascii }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Cells taken by a substring: the sum over its grapheme clusters.
    ///
    /// `DisplayWidth.of("中文ab".dropFirst()) // 4`
    public static func of(_ string: Substring) -> Int {
        if let ascii = asciiWidth(string.utf8) { return ascii }
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    /// Width of all-ASCII UTF-8 (printable bytes count 1, controls 0); nil if any byte is not ASCII.
    private static func asciiWidth<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        var total = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte != 0x7F { total += 1 }
        }
        return total
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F1E6 && scalar.value <= 0x1F1FF
    }
}

extension String {
    /// Terminal cells this string takes; see ``DisplayWidth``. `"中文".displayWidth // 4`
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Substring {
    /// Terminal cells this substring takes; see ``DisplayWidth``. `"中文"[...].displayWidth // 4`
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Terminal cells this grapheme cluster takes; see ``DisplayWidth``. `Character("中").displayWidth // 2`
    public var displayWidth: Int { DisplayWidth.of(self) }
}
