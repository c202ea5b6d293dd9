import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport
import GRDB

@Suite struct JournalChainTests {
    @Test func sha256KnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("复核".utf8)).count == 64)
        // A million "a" (FIPS 180-2 appendix B.3), fed in uneven pieces across block boundaries.
        var hasher = SHA256()
        var fed = 0
        for piece in [1, 55, 56, 63, 64, 65, 1000].cycled(upTo: 1_000_000) {
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
            fed += piece
        }
        #expect(fed == 1_000_000)
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        for n in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            var pieces = SHA256()
            pieces.update(Array(repeating: UInt8(7), count: n / 2))
            pieces.update(Array(repeating: UInt8(7), count: n - n / 2))
            #expect(pieces.finalize() == SHA256.digest(Array(repeating: 7, count: n)), "\(n) bytes")
        }
        // Contiguous pieces (taken a block at a time), a non-contiguous collection (byte by byte)
        // and strings, mixed across block boundaries, digest as the same bytes fed at once.
        let message = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for cut in [0, 1, 63, 64, 65, 127, 500, 999] {
            var mixed = SHA256()
            mixed.update(message[..<cut])
            mixed.update(message[cut...].lazy.map { $0 })
            #expect(mixed.finalize() == SHA256.digest(message), "cut at \(cut)")
            var text = SHA256()
            text.update(String(repeating: "复核", count: cut))
            #expect(text.finalize() == SHA256.digest(Array(String(repeating: "复核", count: cut).utf8)), "text of \(cut)")
            var buffered = SHA256()
            message.withUnsafeBufferPointer { all in
                buffered.update(buffer: UnsafeBufferPointer(rebasing: all[..<cut]))
                buffered.update(buffer: UnsafeBufferPointer(rebasing: all[cut...]))
            }
            #expect(buffered.finalize() == SHA256.digest(message), "buffers cut at \(cut)")
        }
        // An integer is fed as its 8 bytes, most significant first, at any point of a block.
        for (cut, value) in zip([0, 1, 55, 56, 57, 60, 63, 64], [0, 1, 0x0102_0304_0506_0708, UInt64.max, 1 << 63, 255, 256, 0xDEAD_BEEF]) {
            var framed = SHA256()
            framed.update(message[..<cut])
            framed.update(bigEndian: value)
            let bytes = (0..<8).map { UInt8(truncatingIfNeeded: value >> (56 - 8 * UInt64($0))) }
            #expect(framed.finalize() == SHA256.digest(Array(message[..<cut]) + bytes), "\(value) after \(cut) bytes")
        }
    }

    /// Every message length from 0 to 299 (all paddings, one to five blocks), fed at once and a
    /// byte at a time: the 300 digests, one a line, digest to what Python's `hashlib` gives.
    @Test func sha256EveryLengthAgainstHashlib() {
        var lines: [String] = []
        for n in 0..<300 {
            let message = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var whole = SHA256()
            whole.update(message)
            let hex = whole.finalizeHex()
            var bytes = SHA256()
            for byte in message { bytes.update(byte: byte) }
            #expect(bytes.finalize() == SHA256.digest(message), "\(n) bytes, one at a time")
            #expect(SHA256.hexString(SHA256.digest(message)) == hex, "\(n) bytes")
            lines.append(hex)
        }
        // hashlib.sha256("\n".join(sha256(bytes((i*31+7)&255 for i in range(n))).hexdigest() for n in range(300)).encode())
        #expect(SHA256.hex(Array(lines.joined(separator: "\n").utf8)) == "8faf06acfb2b5f0328bf1605f6fc10c1e8568721813b446ee16295d20df0e2b3")
    }

    /// Makes a few journalled edits and returns the store.
    private func edited() throws -> TempStore {
        let t = try TempStore()
        for (i, score) in ["10", "20", "30"].enumerated() {
            let d = try t.store.dossier(id: "SE-1")
            var row = d.result(for: "TX-2.1")
            row.reviewScore = Score(score)
            row.deductionReason = "第\(i + 1)次调整"
            try t.store.apply([.result(row)], to: "SE-1", base: .seen(d), actor: "王某")
        }
        return t
    }

    @Test func chainIsIntactAfterEdits() throws {
        let t = try edited()
        defer { t.remove() }
        let v = try t.store.verifyJournal()
        #expect(v.isIntact)
        #expect(v.entries == (try t.store.journalCount()))
    }

    @Test func aChangedEntryIsNamed() throws {
        let t = try edited()
        defer { t.remove() }
        let target = try #require(try t.store.journal(field: "deductionReason").last?.seq)
        try t.store.queue.write { db in
            try db.execute(sql: "UPDATE journal SET new = '\"篡改\"' WHERE seq = ?", arguments: [target])
        }
        let v = try t.store.verifyJournal()
        #expect(v.firstBroken == target)
        #expect(v.problem?.contains("写入后被改动过") == true)
    }

    @Test func aRemovedEntryIsNamedByItsSuccessor() throws {
        let t = try edited()
        defer { t.remove() }
        let all = try t.store.journal(limit: 1000).map(\.seq).sorted()
        let removed = all[all.count / 2]
        try t.store.queue.write { db in try db.execute(sql: "DELETE FROM journal WHERE seq = ?", arguments: [removed]) }
        let v = try t.store.verifyJournal()
        #expect(v.firstBroken == all[all.count / 2 + 1])
        #expect(v.problem?.contains("接不上第 \(all[all.count / 2 - 1]) 条") == true)
    }

    @Test func storesWrittenBeforeTheChainAreChainedOnOpen() throws {
        let t = try edited()
        defer { t.remove() }
        // Simulate a v2 store: no hashes, migrations v3 and later not applied.
        try t.store.queue.write { db in
            try OldStore.undoV5(db)
            try db.execute(sql: "UPDATE journal SET prev_hash = '', hash = ''")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3-journal-chain'")
            try db.execute(sql: "ALTER TABLE journal DROP COLUMN prev_hash")
            try db.execute(sql: "ALTER TABLE journal DROP COLUMN hash")
        }
        let reopened = try FuheStore.open(path: t.path, createIfMissing: false)
        #expect(try reopened.verifyJournal().isIntact)
    }
}

extension Array where Element == Int {
    /// The pieces repeated in order, the last one cut, summing to exactly `total`.
    func cycled(upTo total: Int) -> [Int] {
        var out: [Int] = [], sum = 0, i = 0
        while sum < total {
            let piece = Swift.min(self[i % count], total - sum)
            out.append(piece)
            sum += piece
            i += 1
        }
        return out
    }
}
