import Crypto
import FuheCore

/// SHA-256 for the store's digests — the baselines (`Baseline`), the journal's chain
/// (`JournalHash`) and a copy's snapshots (`CopyChecks.digest`): swift-crypto's (BoringSSL's
/// assembly, with the CPU's SHA extensions where it has them) behind FuheCore's `SHA256Hashing`.
/// The digests are FIPS 180-4's, byte for byte those of FuheCore's own `SHA256`; FuheCore's
/// rules decide what is hashed (FuheCore depends on nothing). `fuhe verify` digests every stored
/// entity field by field, and a merge chains an entry per field it writes: FuheCore's Swift
/// compression loop was the largest part of both. swift-crypto is compiled for every build of
/// `fuhe` already (postgres-nio, for `fuhe serve`).
struct StoreSHA256: SHA256Hashing {
    private var hasher = Crypto.SHA256()

    /// Feeds contiguous bytes.
    mutating func update(buffer bytes: UnsafeBufferPointer<UInt8>) {
        hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
    }

    /// Feeds bytes.
    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// Feeds an integer as 8 bytes, most significant first.
    mutating func update(bigEndian value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { hasher.update(bufferPointer: $0) }
    }

    /// The digest of everything fed so far (32 bytes).
    func finalize() -> [UInt8] { hasher.finalize().withUnsafeBytes { Array($0) } }

    /// Lower-case hex of the digest (written from the digest's bytes, no arrays).
    func finalizeHex() -> String { hasher.finalize().withUnsafeBytes { FuheCore.SHA256.hex(digest: $0) } }
}
