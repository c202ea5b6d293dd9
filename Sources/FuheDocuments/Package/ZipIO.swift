import Foundation
import FuheFiles
import ZIPFoundation

/// ZIP reading and writing for DOCX and XLSX packages (through ZIPFoundation). Reading is
/// bounded: at most `maxEntries` entries and `maxBytes` uncompressed in all, checked against what
/// is actually inflated, not only what the archive claims. Writing deflates every entry and
/// stamps a fixed date, so the same content makes the same bytes.
enum ZipIO {
    static let maxEntries = 2_000
    static let maxBytes: UInt64 = 200 * 1024 * 1024
    /// 1980-01-01, the earliest date a ZIP entry can carry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Entries of a ZIP archive in archive order (folders skipped).
    static func read(_ url: URL) throws(TemplateError) -> [(name: String, bytes: [UInt8])] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw .notADocx("不是 ZIP 压缩包")
        }
        var out: [(String, [UInt8])] = []
        var total: UInt64 = 0
        for entry in archive {
            guard entry.type == .file else { continue }
            guard out.count < maxEntries else { throw .tooLarge("超过\(maxEntries)个部件") }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(min(entry.uncompressedSize, 16 * 1024 * 1024)))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    total += UInt64(chunk.count)
                    guard total <= maxBytes else { throw TemplateError.tooLarge("解压后超过\(maxBytes / 1024 / 1024) MB") }
                    bytes.append(contentsOf: chunk)
                }
            } catch let e as TemplateError {
                throw e
            } catch {
                throw .notADocx("压缩包中的 \(entry.path) 已损坏")
            }
            out.append((entry.path, bytes))
        }
        return out
    }

    /// The bytes of a ZIP archive with no entries (its end-of-central-directory record).
    static let emptyArchive: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)

    /// Writes entries as a ZIP archive into `url`, an existing empty file (as `OutputFile` makes it,
    /// mode 0600) or no file at all.
    static func write(_ entries: [(name: String, bytes: [UInt8])], to url: URL) throws {
        try write(entries.map { ($0.name, [$0.bytes]) }, to: url)
    }

    /// Writes entries given as chunks of bytes (read in place, never joined).
    static func write(_ entries: [(name: String, chunks: [[UInt8]])], to url: URL) throws {
        try Data(emptyArchive).write(to: url)
        let archive = try Archive(url: url, accessMode: .update)
        for entry in entries {
            let total = entry.chunks.reduce(0) { $0 + $1.count }
            // Chunk boundaries of the entry, for the reader below.
            var starts: [Int] = []
            var offset = 0
            for chunk in entry.chunks { starts.append(offset); offset += chunk.count }
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(total),
                                 modificationDate: entryDate, compressionMethod: .deflate) { position, size in
                var data = Data(capacity: size)
                var at = Int(position), left = size
                var k = max(0, (starts.lastIndex { $0 <= at }) ?? 0)
                while left > 0, k < entry.chunks.count {
                    let chunk = entry.chunks[k]
                    let from = at - starts[k]
                    let n = min(left, chunk.count - from)
                    if n > 0 { chunk.withUnsafeBufferPointer { if let base = $0.baseAddress { data.append(base + from, count: n) } } }
                    at += n
                    left -= n
                    k += 1
                }
                return data
            }
        }
    }
}
