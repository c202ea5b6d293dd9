import Foundation
@testable import FuheCore

/// ICU's readings of single Han characters, which FuheCore's tables hold (`HanSimplifiedTable`,
/// `HanPinyinTable`), and the generator of `HanPinyinTable.swift`: `HanPinyinTableTests`
/// compares every ideograph with ICU and, when they differ, writes the file this makes.
enum ICUHanReadings {
    /// Every ideograph from U+2E80 on: what a search reads as a Han character.
    static let ideographs: [Unicode.Scalar] = (UInt32(0x2E80)...0x10FFFF).compactMap { value in
        Unicode.Scalar(value).flatMap { $0.properties.isIdeographic ? $0 : nil }
    }

    /// ICU's `Hant-Hans` of the character alone, when that is one scalar; else the scalar itself.
    static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let simplified = String(scalar).applyingTransform(StringTransform("Hant-Hans"), reverse: false)
        guard let scalars = simplified?.unicodeScalars, scalars.count == 1, let first = scalars.first else { return scalar }
        return first
    }

    /// ICU's `Mandarin-Latin` reading of the character alone: lower-case ASCII letters, ü
    /// written v, and the tone (1–4, 5 for none) read from the canonical decomposition of its
    /// mark; no letters when ICU leaves the character as it is.
    static func pinyin(_ scalar: Unicode.Scalar) -> (letters: [UInt8], tone: UInt8) {
        let latin = String(scalar).applyingTransform(.mandarinToLatin, reverse: false) ?? ""
        var letters: [UInt8] = []
        var tone: UInt8 = 5
        for part in latin.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch part.value {
            case 0x61...0x7A: letters.append(UInt8(part.value))
            case 0x41...0x5A: letters.append(UInt8(part.value + 0x20))
            case 0x304: tone = 1
            case 0x301: tone = 2
            case 0x30C: tone = 3
            case 0x300: tone = 4
            case 0x308: if letters.last == UInt8(ascii: "u") { letters[letters.count - 1] = UInt8(ascii: "v") }
            case 0x20, 0x27, 0x2D: continue
            default: return ([], 5)  // not transliterated: no reading
            }
        }
        return (letters, tone)
    }

    /// The text of `Sources/FuheCore/Values/HanPinyinTable.swift`, read from ICU: the distinct
    /// syllables, and blocks of consecutive scalars (runs of readings less than 1,024 apart
    /// joined), two characters a scalar (`HanPinyin.code(of:)`), 256 scalars a line.
    static func pinyinTableSource() -> String {
        var readings: [(scalar: UInt32, letters: [UInt8], tone: UInt8)] = []
        for scalar in ideographs {
            let reading = pinyin(scalar)
            if !reading.letters.isEmpty { readings.append((scalar.value, reading.letters, reading.tone)) }
        }
        let syllables = Set(readings.map(\.letters)).sorted { $0.lexicographicallyPrecedes($1) }
        let index = Dictionary(uniqueKeysWithValues: syllables.enumerated().map { ($1, $0 + 1) })
        var blocks: [(first: UInt32, codes: [Int])] = []
        for reading in readings {
            let code = index[reading.letters]! << 3 | Int(reading.tone)
            if let last = blocks.last, reading.scalar - (last.first + UInt32(last.codes.count)) < 1_024 {
                let gap = Int(reading.scalar - (last.first + UInt32(last.codes.count)))
                blocks[blocks.count - 1].codes += Array(repeating: 0, count: gap) + [code]
            } else {
                blocks.append((reading.scalar, [code]))
            }
        }
        var out = """
            // Generated from ICU's `Mandarin-Latin` by `ICUHanReadings.pinyinTableSource()`
            // (Tests/FuheCoreTests/Values/ICUHanReadings.swift): \(readings.count) ideographs, \(syllables.count) syllables.
            // Do not edit: `HanPinyinTableTests` compares every ideograph with ICU and writes this
            // file anew when they differ.

            extension HanPinyin {
                /// The distinct syllables in byte order, separated by spaces and line breaks:
                /// syllable number `n` (from 1) of a code is the n-th.
                static let syllables: StaticString = \"\"\"

            """
        for start in stride(from: 0, to: syllables.count, by: 16) {
            let line = syllables[start..<min(start + 16, syllables.count)].map { String(decoding: $0, as: UTF8.self) }
            out += "        " + line.joined(separator: " ") + "\n"
        }
        out += "        \"\"\"\n\n"
        out += "    /// Runs of consecutive scalars: two characters a scalar, \(HanPinyin.perLine) a line.\n"
        out += "    static let blocks: [Block] = [\n"
        for block in blocks {
            out += "        Block(first: 0x\(String(block.first, radix: 16, uppercase: true)), count: \(block.codes.count), codes: #\"\"\"\n"
            for start in stride(from: 0, to: block.codes.count, by: HanPinyin.perLine) {
                var line = "            "
                for code in block.codes[start..<min(start + HanPinyin.perLine, block.codes.count)] {
                    line.unicodeScalars.append(Unicode.Scalar(UInt8(0x3F + code >> 6)))
                    line.unicodeScalars.append(Unicode.Scalar(UInt8(0x3F + code & 63)))
                }
                out += line + "\n"
            }
            out += "            \"\"\"#),\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
