import GRDB

extension Database {
    /// Runs `body` with SQLite's page cache raised to `mebibytes`, then puts the size back and
    /// frees what is over it. A transaction that writes thousands of rows (a merge, a block of the
    /// bulk load) dirties more pages than the default 2 MB cache holds: SQLite then spills them to
    /// the write-ahead log before the commit and reads them back, writing many pages twice.
    func withPageCache<T>(mebibytes: Int, _ body: () throws -> T) throws -> T {
        let before = try Int.fetchOne(self, sql: "PRAGMA cache_size") ?? -2_000
        try execute(sql: "PRAGMA cache_size = \(-mebibytes * 1_024)")
        defer {
            try? execute(sql: "PRAGMA cache_size = \(before)")
            try? execute(sql: "PRAGMA shrink_memory")
        }
        return try body()
    }
}
