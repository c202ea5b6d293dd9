/// The pinyin of single Han characters: ICU's `Mandarin-Latin` reading of every ideograph as a
/// table (`HanPinyinTable.swift`, generated from ICU and checked against it scalar by scalar by
/// `HanPinyinTableTests`), so that reading a character needs no ICU transliterator (whose
/// parsed rules stay resident: about 5 MB in the workstation after its first search). With
/// `HanFold` it is all a search needs of a Han character (`searchReading(of:)`).
///
/// `HanPinyin.reading(of: "绿")  // (letters: "lv", tone: 4)`
public enum HanPinyin: Sendable {
    /// The reading of `scalar`: its syllable in lower-case ASCII without tone marks, ü written
    /// v ("lv" for 绿), and its tone (1–4, 5 for the neutral tone); nil when ICU knows none.
    /// One reading per character, as ICU gives it (长 reads "zhang").
    public static func reading(of scalar: Unicode.Scalar) -> (letters: [UInt8], tone: UInt8)? {
        let code = code(of: scalar.value)
        let number = code >> 3
        guard number > 0, number <= syllableList.count else { return nil }
        return (syllableList[number - 1], UInt8(code & 7))
    }

    /// What a search reads of one character (TermCore's `TextMatcher.Readings`): its simplified
    /// form (`HanFold`) and its pinyin (no letters and tone 5 when it has none).
    ///
    /// `HanPinyin.searchReading(of: "績")  // (folded: "绩", pinyin: "ji", tone: 1)`
    public static func searchReading(of scalar: Unicode.Scalar) -> (folded: Unicode.Scalar, pinyin: [UInt8], tone: UInt8) {
        let reading = reading(of: scalar)
        return (HanFold.simplified(scalar), reading?.letters ?? [], reading?.tone ?? 5)
    }

    /// Scalars a line of a block's `codes`.
    static let perLine = 256

    /// Consecutive scalars from `first`, each two characters of `codes` (U+003F + 6 bits each:
    /// the syllable's number × 8 + the tone, 0 for no reading), ``perLine`` a line.
    struct Block: Sendable {
        let first: UInt32
        let count: Int
        let codes: StaticString
    }

    /// The code of a scalar (0: no reading), read in place from the binary's text.
    static func code(of value: UInt32) -> Int {
        for block in blocks where value >= block.first && value - block.first < UInt32(block.count) {
            let index = Int(value - block.first)
            let offset = index / perLine * (2 * perLine + 1) + index % perLine * 2
            guard offset + 1 < block.codes.utf8CodeUnitCount else { return 0 }
            let text = block.codes.utf8Start
            return Int(text[offset] &- 0x3F) << 6 | Int(text[offset + 1] &- 0x3F)
        }
        return 0
    }

    /// ``syllables`` split, once per process (419 short arrays).
    static let syllableList: [[UInt8]] = syllables.withUTF8Buffer { text in
        text.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A }).map(Array.init)
    }
}
