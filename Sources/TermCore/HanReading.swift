import Foundation

/// What search needs to know of one Han character: its simplified form and its pinyin, as the
/// application reads it (``TextMatcher/Readings``: Fuhe's come from FuheCore's tables, made
/// from ICU). TermCore itself knows no readings and builds no ICU transliterator.
///
/// `HanReading(folded: "绩", pinyin: Array("ji".utf8), tone: 1)  // 績`
struct HanReading: Hashable, Sendable {
    /// The simplified form (the character itself when it has none, or is already simplified).
    var folded: Unicode.Scalar
    /// The pinyin syllable in lower-case ASCII without tone marks, "ü" written "v"
    /// ("lv" for 绿); empty when no reading is known.
    var pinyin: [UInt8]
    /// 1–4, or 5 for the neutral tone (no tone mark).
    var tone: UInt8

    /// One reading per character (长 reads "zhang", in 长沙 too): the search gives common
    /// polyphones their other readings from ``PolyphoneReadings``.
    init(folded: Unicode.Scalar, pinyin: [UInt8], tone: UInt8) {
        self.folded = folded
        self.pinyin = pinyin
        self.tone = tone
    }

    /// The reading `readings` gives `scalar`.
    init(_ scalar: Unicode.Scalar, from readings: TextMatcher.Readings) {
        let reading = readings(scalar)
        self.init(folded: reading.folded, pinyin: reading.pinyin, tone: reading.tone)
    }

    /// The scalar to read when `character` is a Han ideograph (a variation selector after it
    /// is ignored), nil otherwise.
    static func hanScalar(of character: Character) -> Unicode.Scalar? {
        guard let first = character.unicodeScalars.first, first.value >= 0x2E80,
              first.properties.isIdeographic else { return nil }
        return first
    }
}

/// Folding for characters that are not Han: case, full-width forms, Latin diacritics.
enum TextFolding {
    /// Marks a folded character made of more than one scalar: compare the characters.
    static let multiScalar: UInt32 = 0xFFFF_FFFF

    /// Lower case, full-width ASCII (Ａ１) as ASCII, the ideographic space as a space.
    ///
    /// `TextFolding.fold(Character("Ｂ")) // "b"`
    static func fold(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first {
            var value = scalar.value
            if value == 0x3000 { return " " }
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }
            if value < 0x80 {
                if value >= 0x41 && value <= 0x5A { value += 0x20 }
                return Character(Unicode.Scalar(UInt8(value)))
            }
        }
        guard character.isUppercase else { return character }
        let lower = character.lowercased()
        return lower.count == 1 ? Character(lower) : character
    }

    /// The code compared for a folded character: its scalar, or ``multiScalar``.
    static func code(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        return scalars.count == 1 ? scalars.first?.value ?? multiScalar : multiScalar
    }

    /// Latin letters without diacritics for a pinyin query ("hè shān" → "he shan", ü → v);
    /// other characters unchanged.
    ///
    /// `TextFolding.strippingLatinMarks("lǜ") // "lv"`
    static func strippingLatinMarks(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isAccentedLatin) else { return text }
        var result = ""
        for character in text {
            guard let first = character.unicodeScalars.first, isAccentedLatin(first) else {
                result.append(character)
                continue
            }
            var letters = ""
            for part in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if part.value == 0x308, letters.last == "u" || letters.last == "U" {
                    letters.removeLast()
                    letters.append("v")
                } else if !(0x300...0x36F).contains(part.value) {
                    letters.unicodeScalars.append(part)
                }
            }
            result += letters
        }
        return result
    }

    /// Latin-1 Supplement through IPA Extensions, and Latin Extended Additional.
    private static func isAccentedLatin(_ scalar: Unicode.Scalar) -> Bool {
        (0x80..<0x2B0).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
    }
}
