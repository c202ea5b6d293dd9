import GRDB
import GRDBSQLite

/// A prepared write statement run with its values bound straight from Swift strings and
/// integers: no `StatementArguments` array and no `DatabaseValue` per value. A merge appends a
/// journal entry per field it writes. Strings are bound as GRDB binds them (`withCString`: up to
/// the first NUL) and copied by SQLite, into the buffers of the previous run's values (every
/// run binds every parameter; GRDB clears the bindings before it runs the statement itself).
struct DirectStatement {
    private let statement: Statement
    private var s: SQLiteStatement { statement.sqliteStatement }

    /// The statement `sql`, prepared once per connection.
    init(_ sql: String, _ db: Database) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds parameter `index` (1-based) to `value` (NULL for nil).
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(s, index)
            return
        }
        value.withCString { _ = sqlite3_bind_text(s, index, $0, -1, sqliteTransient) }
    }

    /// Binds parameter `index` (1-based) to `value`.
    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(s, index, value)
    }

    /// Runs the statement with the values bound; its error is SQLite's, as GRDB reports it.
    func execute(_ db: Database) throws {
        let code = sqlite3_step(s)
        sqlite3_reset(s)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}

/// SQLite copies the bound bytes (`SQLITE_TRANSIENT`).
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
