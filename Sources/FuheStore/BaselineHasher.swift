import Crypto
import FuheCore

/// SHA-256 for the baselines' digests (`Baseline`): swift-crypto's (BoringSSL's assembly, with the
/// CPU's SHA extensions where it has them) behind the few calls `Baseline` makes. The digests are
/// FIPS 180-4's, byte for byte those of FuheCore's own `SHA256` (which the journal chain and
/// FuheCore's callers keep: FuheCore depends on nothing). `fuhe verify` digests every stored
/// entity field by field, and FuheCore's Swift compression loop was the largest part of it.
/// swift-crypto is compiled for every build of `fuhe` already (postgres-nio, for `fuhe serve`).
struct BaselineHasher {
    private var hasher = Crypto.SHA256()

    /// Feeds contiguous bytes.
    mutating func update(buffer bytes: UnsafeBufferPointer<UInt8>) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    /// Feeds bytes.
    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Feeds a string's UTF-8 bytes.
    mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: $0) }
    }

    /// Feeds an integer as 8 bytes, most significant first.
    mutating func update(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { hasher.update(bufferPointer: $0) }
    }

    /// The digest of everything fed so far (32 bytes).
    func finalize() -> [UInt8] { hasher.finalize().withUnsafeBytes { Array($0) } }

    /// Lower-case hex of the digest.
    func finalizeHex() -> String { FuheCore.SHA256.hexString(finalize()) }
}
