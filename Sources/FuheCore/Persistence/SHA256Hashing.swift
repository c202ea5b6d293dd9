/// A SHA-256 (FIPS 180-4) that a digest rule feeds: FuheCore's own `SHA256`, or one a caller
/// injects — the store passes swift-crypto's, which uses the CPU's SHA extensions (FuheCore
/// depends on nothing). The rules (`JournalHash`, `CopyChecks.digest`) decide which bytes are
/// hashed and in which order; every implementation gives the same digest of the same bytes.
public protocol SHA256Hashing: Sendable {
    init()
    /// Feeds contiguous bytes.
    mutating func update(buffer bytes: UnsafeBufferPointer<UInt8>)
    /// Feeds one byte.
    mutating func update(byte: UInt8)
    /// Feeds a string's UTF-8 bytes.
    mutating func update(_ text: String)
    /// Lower-case hex of the digest of everything fed (the hasher is not used after).
    mutating func finalizeHex() -> String
}

extension SHA256Hashing {
    /// Feeds one byte (by default as a buffer of one).
    public mutating func update(byte: UInt8) {
        withUnsafeBytes(of: byte) { update(buffer: $0.bindMemory(to: UInt8.self)) }
    }

    /// Feeds a string's UTF-8 bytes (by default as one buffer).
    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: $0) }
    }

    /// The lower-case hex digest of `bytes`.
    public static func hex(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hasher = Self()
        hasher.update(buffer: bytes)
        return hasher.finalizeHex()
    }
}

extension SHA256: SHA256Hashing {}
