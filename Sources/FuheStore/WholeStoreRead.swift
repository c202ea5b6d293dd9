import GRDB

extension FuheStore {
    /// How much of the store file SQLite may map for a whole-store pass. SQLite caps it at its
    /// own build's maximum (2 GiB in Debian's); pages beyond the map are read as before.
    static let wholeStoreMapping: Int64 = 1 << 40

    /// `queue.read` for a pass that reads every page of the store (`fuhe check`, `fuhe verify`):
    /// SQLite reads the pages in place through a memory map instead of copying each one with a
    /// `pread` call (at 20,000 dossiers the copies were an eighth of `fuhe check`'s CPU, all on
    /// its reading thread). Only the mapping changes: the read is the same transaction, and the
    /// connection's previous `mmap_size` is put back afterwards, so other reads are unchanged.
    /// (As with every memory-mapped file, a disk failing under the read stops the process
    /// instead of returning an I/O error; the passes that map only read.)
    func readWholeStore<T>(_ body: (Database) throws -> T) throws -> T {
        let before = try queue.inDatabase { db -> Int64 in
            let before = try Int64.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
            try db.execute(sql: "PRAGMA mmap_size = \(Self.wholeStoreMapping)")
            return before
        }
        defer { try? queue.inDatabase { try $0.execute(sql: "PRAGMA mmap_size = \(before)") } }
        return try queue.read(body)
    }

    /// The connection's `mmap_size` now (tests: a whole-store pass leaves it as it found it).
    func mappingLimit() throws -> Int64 {
        try queue.inDatabase { try Int64.fetchOne($0, sql: "PRAGMA mmap_size") ?? 0 }
    }
}
