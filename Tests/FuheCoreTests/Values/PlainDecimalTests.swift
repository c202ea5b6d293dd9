import Foundation
import Testing
@testable import FuheCore

/// The stored-text readers build plain decimals from their digits (`ReaderValue.plainDecimal`):
/// the result must be `Decimal(string:)`'s, representation and all, so that nothing read changes.
@Suite struct PlainDecimalTests {
    /// Plain decimals built from their digits are `Decimal(string:)`'s, representation and all.
    @Test func plainDecimalsAreFoundationsByteForByte() {
        func bytes(_ d: Decimal?) -> [UInt8]? { d.map { v in withUnsafeBytes(of: v) { Array($0) } } }
        var texts = ["0", "-0", "0.0", "-0.000", "82.5", "82.50", "100", "-12.340", "0.001", "00012", "1.10",
                     "1234567890123456789", "9999999999999999999", "12345678901234567890", "99999999999999999999999999999999999999",
                     "0.000000000000000001", "0.0000000000000000001", "-1.5", "5.", ".5", "1e5", "-", "1-2", "1.2.3", ""]
        var random = SplitMix64(seed: 99)
        func below(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        for _ in 0..<50_000 {
            var s = below(3) == 0 ? "-" : ""
            s += String(below(3) == 0 ? below(1_000_000_000) * 1_000_000 + below(1_000_000) : below(1_000))
            let places = below(8)
            if places > 0 { s += "." + (0..<places).map { _ in String(below(10)) }.joined() }
            texts.append(s)
        }
        for s in texts {
            let expected = ReaderValue.isPlainDecimal(s) ? Decimal(string: s) : nil
            #expect(bytes(ReaderValue.plainDecimal(s)) == bytes(expected), "\(s)")
        }
    }
}
