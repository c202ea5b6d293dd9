/// SHA-256 (FIPS 180-4), used to chain journal entries, digest a copy's base values and keep only
/// digests of access tokens. Small and dependency-free; fed incrementally, so a large snapshot is hashed without first being copied
/// into one buffer.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8)) // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// The block being filled, kept inline (a hasher is made per journal entry: two heap arrays
    /// per hasher, and arrays for the padding and the digest, were half of hashing a short entry).
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var filled = 0
    private var length: UInt64 = 0

    public init() {}

    /// Feeds bytes (contiguous ones a block at a time; others byte by byte).
    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(buffer: $0) }) != nil { return }
        for byte in bytes { update(byte: byte) }
    }

    /// Feeds one byte.
    public mutating func update(byte: UInt8) {
        let at = filled
        withUnsafeMutableBytes(of: &block) { $0[at] = byte }
        filled += 1
        length &+= 1
        if filled == 64 { compressBlock(); filled = 0 }
    }

    /// Feeds an integer as 8 bytes, most significant first.
    public mutating func update(bigEndian value: UInt64) {
        // The 8 bytes in one piece (one byte at a time, this was a tenth of `fuhe verify`'s digests).
        withUnsafeBytes(of: value.bigEndian) { update(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    /// Feeds a string's UTF-8 bytes.
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: $0) }
    }

    /// Feeds contiguous bytes: whole 64-byte blocks are compressed where they lie (the generic
    /// byte-by-byte loop was most of `fuhe verify`, which digests every stored entity).
    public mutating func update(buffer bytes: UnsafeBufferPointer<UInt8>) {
        length &+= UInt64(bytes.count)
        var at = 0
        if filled > 0 || bytes.count < 64 {
            let n = min(64 - filled, bytes.count), from = filled
            if n > 0 {
                withUnsafeMutableBytes(of: &block) { b in
                    b.baseAddress!.advanced(by: from).copyMemory(from: bytes.baseAddress!, byteCount: n)
                }
            }
            filled += n
            at += n
            guard filled == 64 else { return }
            compressBlock()
            filled = 0
        }
        while bytes.count - at >= 64 {
            compress(UnsafeRawPointer(bytes.baseAddress!.advanced(by: at)))
            at += 64
        }
        let rest = bytes.count - at
        if rest > 0 {
            withUnsafeMutableBytes(of: &block) { b in
                b.baseAddress!.copyMemory(from: bytes.baseAddress!.advanced(by: at), byteCount: rest)
            }
            filled = rest
        }
    }

    /// The digest of everything fed so far.
    public mutating func finalize() -> [UInt8] {
        pad()
        let words = h
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            withUnsafeBytes(of: words) { raw in
                for i in 0..<8 {
                    let v = raw.load(fromByteOffset: i * 4, as: UInt32.self)
                    out[i * 4] = UInt8(truncatingIfNeeded: v >> 24)
                    out[i * 4 + 1] = UInt8(truncatingIfNeeded: v >> 16)
                    out[i * 4 + 2] = UInt8(truncatingIfNeeded: v >> 8)
                    out[i * 4 + 3] = UInt8(truncatingIfNeeded: v)
                }
            }
            count = 32
        }
    }

    /// Lower-case hex of the digest (written straight from the state words: no arrays).
    public mutating func finalizeHex() -> String {
        pad()
        let words = h
        return String(unsafeUninitializedCapacity: 64) { out in
            withUnsafeBytes(of: words) { raw in
                for i in 0..<8 {
                    let v = raw.load(fromByteOffset: i * 4, as: UInt32.self)
                    for j in 0..<8 {
                        let nibble = Int((v >> UInt32(28 - 4 * j)) & 0xf)
                        out[i * 8 + j] = nibble < 10 ? UInt8(ascii: "0") + UInt8(nibble) : UInt8(ascii: "a") + UInt8(nibble - 10)
                    }
                }
            }
            return 64
        }
    }

    /// The padding: 0x80, zeros up to 56 bytes into a block, the message length in bits.
    private mutating func pad() {
        let bits = length &* 8
        update(byte: 0x80)
        while filled != 56 { update(byte: 0) }
        update(bigEndian: bits)
    }

    private mutating func compressBlock() {
        var copy = block
        withUnsafeBytes(of: &copy) { compress($0.baseAddress!) }
    }

    /// Compresses one 64-byte block (the message schedule on the stack).
    private mutating func compress(_ bytes: UnsafeRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            Self.k.withUnsafeBufferPointer { k in
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, hh) = h
                for i in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
                h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
            }
        }
    }

    /// SHA-256 of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(message)
        return hasher.finalize()
    }

    /// Lower-case hex SHA-256 of `message`.
    public static func hex(_ message: [UInt8]) -> String { hexString(digest(message)) }

    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hex of digest bytes, written without arrays.
    public static func hex(digest bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, b) in bytes.enumerated() {
                let high = b >> 4, low = b & 0x0f
                out[i * 2] = high < 10 ? UInt8(ascii: "0") + high : UInt8(ascii: "a") + high - 10
                out[i * 2 + 1] = low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10
            }
            return bytes.count * 2
        }
    }
}

@inline(__always) private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
