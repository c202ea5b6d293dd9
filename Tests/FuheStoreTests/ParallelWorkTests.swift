import Testing
@testable import FuheStore

/// `ParallelWork.map` hands values out a few at a time to every core; whatever the count and
/// however long each value takes, the results come back in the values' order, and the error is
/// that of the first value that fails.
@Suite struct ParallelWorkTests {
    struct Failed: Error, Equatable { let value: Int }

    @Test func keepsTheOrderOfTheValues() throws {
        for count in [0, 1, 2, 3, 15, 16, 17, 127, 500, 1_001] {
            let values = Array(0..<count)
            let out = try ParallelWork.map(values) { v -> Int in
                // Uneven work, so that the workers take chunks in no fixed order.
                var x = v
                for _ in 0..<(v % 7) * 500 { x = x &* 31 &+ 7 }
                return v * 2 + (x == -1 ? 1 : 0)
            }
            #expect(out == values.map { $0 * 2 }, "\(count) values")
        }
    }

    @Test func theFirstFailingValueInOrderIsTheError() {
        for failing in [[0], [499], [7, 300], [250, 251, 40], [16, 15]] {
            #expect(throws: Failed(value: failing.min()!)) {
                _ = try ParallelWork.map(Array(0..<500)) { v -> Int in
                    if failing.contains(v) { throw Failed(value: v) }
                    return v
                }
            }
        }
    }
}
