import Foundation

/// Bytes built up in 1 MB chunks: a large part (a sheet of 20,000 rows) grows without copying
/// itself on every doubling, and without holding two copies at its largest.
struct ByteChunks {
    static let chunkSize = 1 << 20
    private(set) var chunks: [[UInt8]] = []
    private var current: [UInt8] = []
    private(set) var count = 0

    init() { current.reserveCapacity(Self.chunkSize) }

    init(_ bytes: [UInt8]) {
        current = bytes
        count = bytes.count
    }

    mutating func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
        let before = current.count
        current.append(contentsOf: bytes)
        count += current.count - before
        if current.count >= Self.chunkSize { seal() }
    }

    mutating func append(_ byte: UInt8) {
        current.append(byte)
        count += 1
        if current.count >= Self.chunkSize { seal() }
    }

    private mutating func seal() {
        chunks.append(current)
        current = []
        current.reserveCapacity(Self.chunkSize)
    }

    /// All chunks, the last one included.
    var all: [[UInt8]] { current.isEmpty ? chunks : chunks + [current] }

    static func += (lhs: inout ByteChunks, rhs: [UInt8]) { lhs.append(contentsOf: rhs) }
}
