import Foundation
import Synchronization

/// What search needs to know of one Han character: its simplified form and its pinyin.
///
/// `HanReading(Unicode.Scalar(0x7E3E)!)  // 績: folded 绩, pinyin "ji", tone 1`
struct HanReading: Hashable, Sendable {
    /// The simplified form (the character itself when it has none, or is already simplified).
    var folded: Unicode.Scalar
    /// The pinyin syllable in lower-case ASCII without tone marks, "ü" written "v"
    /// ("lv" for 绿); empty when Foundation knows no reading.
    var pinyin: [UInt8]
    /// 1–4, or 5 for the neutral tone (no tone mark).
    var tone: UInt8

    /// Reads a character with Foundation's ICU transforms: `Hant-Hans` for the simplified form
    /// and `mandarinToLatin` for the pinyin, whose tone mark is read from the canonical
    /// decomposition (the same letters `.stripDiacritics` would leave, plus the tone).
    /// Each call costs ~10 µs (the process's first ~0.1 s): callers cache, see
    /// ``TextMatcher/KeyBuilder``. ICU gives one reading per character (长 reads "zhang", in
    /// 长沙 too): the search gives common polyphones their other readings from
    /// ``PolyphoneReadings``.
    init(_ scalar: Unicode.Scalar) {
        let string = String(scalar)
        folded = scalar
        if let simplified = string.applyingTransform(StringTransform("Hant-Hans"), reverse: false),
           simplified.unicodeScalars.count == 1, let first = simplified.unicodeScalars.first {
            folded = first
        }
        pinyin = []
        tone = 5
        readPinyin(string.applyingTransform(.mandarinToLatin, reverse: false) ?? "")
    }

    /// Every character read so far in this process: a list of 2,000 unit names holds about a
    /// thousand distinct characters, and each view that indexes it would read them again.
    private static let known = Mutex<[Unicode.Scalar: HanReading]>([:])

    /// The reading of `scalar`, read once per process.
    static func cached(_ scalar: Unicode.Scalar) -> HanReading {
        if let reading = known.withLock({ $0[scalar] }) { return reading }
        let reading = HanReading(scalar)
        known.withLock { $0[scalar] = reading }
        return reading
    }

    /// Sets `pinyin` and `tone` from Foundation's transliteration (tone marks decomposed).
    private mutating func readPinyin(_ latin: String) {
        for part in latin.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.value {
            case 0x61...0x7A: pinyin.append(UInt8(part.value))
            case 0x41...0x5A: pinyin.append(UInt8(part.value + 0x20))
            case 0x304: tone = 1
            case 0x301: tone = 2
            case 0x30C: tone = 3
            case 0x300: tone = 4
            case 0x308: if pinyin.last == UInt8(ascii: "u") { pinyin[pinyin.count - 1] = UInt8(ascii: "v") }
            case 0x20, 0x27, 0x2D: continue
            default:
                pinyin = []  // not transliterated: no reading known
                tone = 5
                return
            }
        }
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
