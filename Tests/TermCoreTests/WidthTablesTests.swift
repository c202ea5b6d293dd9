import Testing
@testable import TermCore

@Suite("WidthTables")
struct WidthTablesTests {
    private static let tables: [(String, RangeTable)] = [
        ("zero", WidthTables.zero), ("wide", WidthTables.wide), ("unknown", WidthTables.unknown),
    ]

    @Test(arguments: tables.map(\.0))
    func rangesAreSortedAndDisjoint(name: String) {
        let table = Self.tables.first { $0.0 == name }!.1
        #expect(table.count > 0)
        for index in 0..<table.count {
            #expect(table.lows[index] <= table.highs[index])
            if index > 0 {
                #expect(table.highs[index - 1] + 1 < table.lows[index], "\(name)[\(index)] touches or overlaps")
            }
        }
    }

    @Test func zeroAndWideDoNotOverlap() {
        for index in 0..<WidthTables.wide.count {
            #expect(!WidthTables.zero.contains(WidthTables.wide.lows[index]))
            #expect(!WidthTables.zero.contains(WidthTables.wide.highs[index]))
        }
    }

    @Test func rangeTableBisection() {
        let table = RangeTable([(10, 20), (30, 30), (40, 50)])
        #expect(!table.contains(0) && !table.contains(9) && !table.contains(21) && !table.contains(51))
        #expect(table.contains(10) && table.contains(15) && table.contains(20))
        #expect(table.contains(30) && !table.contains(29) && !table.contains(31))
        #expect(table.contains(40) && table.contains(50))
        #expect(!RangeTable([]).contains(0))
    }

    /// Every scalar of planes 0–3 and 14–16 (4–13 are empty): an unknown scalar is never
    /// zero-width (the guess is 1 or 2); glibc 2.36 knows exactly Unicode 14.0 minus
    /// noncharacters; the fast paths in `DisplayWidth.of` agree with the tables.
    @Test func everyScalarAgreesWithUnicode14() {
        var mismatches: [String] = []
        for value: UInt32 in Array(0...0x3FFFF) + Array(0xE0000...0x10FFFF) + [0x40000, 0x9ABCD, 0xDFFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let known = DisplayWidth.isKnown(scalar)
            let width = DisplayWidth.of(scalar)
            let noncharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            let age = scalar.properties.age
            let inUnicode14 = age.map { $0.major < 14 || ($0.major == 14 && $0.minor == 0) } ?? false
            if known != (inUnicode14 && !noncharacter) { mismatches.append("known U+\(String(value, radix: 16))") }
            if !known && width == 0 { mismatches.append("zero guess U+\(String(value, radix: 16))") }
            if width != (WidthTables.zero.contains(value) ? 0 : WidthTables.wide.contains(value) ? 2 : 1) {
                mismatches.append("fast path U+\(String(value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func knownEmojiPresentationIsWideAndMarksAreZero() {
        var mismatches: [String] = []
        for value: UInt32 in 0x300...0x3FFFF {
            guard let scalar = Unicode.Scalar(value), DisplayWidth.isKnown(scalar) else { continue }
            let properties = scalar.properties
            let regional = (0x1F1E6...0x1F1FF).contains(value)
            if properties.isEmojiPresentation && !regional && DisplayWidth.of(scalar) != 2 {
                mismatches.append("emoji U+\(String(value, radix: 16))")
            }
            if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark,
               DisplayWidth.of(scalar) != 0 {
                mismatches.append("mark U+\(String(value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
