import FuheCore
import FuheFiles
import GRDB

/// Why the store refused an operation. Nothing was written when one of these is thrown.
/// Descriptions are in the user's language (``tr(_:_:)``) and say what to do.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The file exists but is not a Fuhe store (not SQLite, or SQLite without Fuhe's tables).
    case notAFuheStore(path: String, detail: String)
    /// The store was written by a newer Fuhe.
    case tooNew(path: String, version: Int)
    case missingStore(path: String)
    case unknownDossier(String)
    case unknownTemplate(String)
    case duplicateDossier(String)
    /// A rule refused the change (codes and messages from FuheCore).
    case rule(code: String, message: String)
    case io(path: String, detail: String)
    /// An output file was refused or could not be written.
    case output(OutputError)
    /// SQLite could not do what was asked, for a reason the user can act on.
    case sqlite(SQLiteProblem, path: String?)

    /// The kinds of SQLite failure a user can do something about.
    public enum SQLiteProblem: Sendable, Equatable {
        /// Another program holds a lock on the store ("database is locked").
        case busy
        /// The disk (or quota) is full.
        case diskFull
        /// The file or its folder cannot be written.
        case readOnly
        /// The operating system failed to read or write the file.
        case ioFailure(String)
        /// The file is damaged.
        case corrupt
        /// The file cannot be opened at all.
        case cannotOpen
    }

    public var description: String {
        switch self {
        case .notAFuheStore(let path, let detail):
            tr("\(path)：不是 Fuhe 库（\(detail)）；什么都没有改动", "\(path): not a Fuhe store (\(detail)); nothing was changed")
        case .tooNew(let path, let version):
            tr("\(path)：由更新版本的 Fuhe 写入（结构版本 \(version)）；请升级 Fuhe 后再打开", "\(path): written by a newer Fuhe (schema \(version)); upgrade Fuhe to open it")
        case .missingStore(let path): tr("\(path)：没有这个库", "\(path): no such store")
        case .unknownDossier(let id): tr("没有档案“\(id)”", "unknown dossier \"\(id)\"")
        case .unknownTemplate(let id): tr("没有模板“\(id)”", "unknown template \"\(id)\"")
        case .duplicateDossier(let id):
            tr("档案“\(id)”已在库中（要替换它请加 --replace）", "dossier \"\(id)\" is already in the store (use --replace to overwrite it)")
        case .rule(let code, let message): "\(message) (\(code))"
        case .io(let path, let detail): tr("\(path)：\(detail)", "\(path): \(detail)")
        case .output(let error): error.description
        case .sqlite(let problem, let path):
            (path.map { tr("\($0)：", "\($0): ") } ?? "") + Self.describe(problem)
        }
    }

    static func describe(_ problem: SQLiteProblem) -> String {
        switch problem {
        case .busy:
            tr("库正被另一个程序（另一个 fuhe 或 sqlite3）锁定，等了 5 秒仍未释放；关闭那个程序或稍后再试。什么都没有写入",
               "the store is locked by another program (another fuhe or sqlite3) and stayed locked for 5 seconds; close it or try again later. Nothing was written")
        case .diskFull:
            tr("磁盘已满：腾出空间（或换一个有空间的位置）后再试。这一步什么都没有写入",
               "the disk is full: free some space (or use another place) and try again. Nothing of this step was written")
        case .readOnly:
            tr("库文件或其所在文件夹不可写（只读）：检查文件权限，或把库复制到可写的位置。什么都没有写入",
               "the store file or its folder cannot be written (read-only): check the permissions or copy the store somewhere writable. Nothing was written")
        case .ioFailure(let detail):
            tr("读写文件时出错（\(detail)）：检查磁盘和文件是否完好（例如网络盘断开、U 盘拔出），然后运行 fuhe check",
               "the operating system could not read or write the file (\(detail)): check the disk and the file (a network drive or USB stick removed?), then run fuhe check")
        case .corrupt:
            tr("文件已损坏：请用备份恢复，或运行 fuhe verify 查看损坏情况", "the file is damaged: restore it from a backup, or run fuhe verify to see what is damaged")
        case .cannotOpen:
            tr("无法打开文件：检查路径、文件夹权限和磁盘", "cannot open the file: check the path, the folder's permissions and the disk")
        }
    }

    /// The store error for any error a store operation threw: a `StoreError` as it is, an
    /// SQLite error translated into what the user can do (`path` names the file), nil for
    /// anything else. The one place where SQLite's wording is turned into the user's language.
    public static func translating(_ error: any Error, path: String? = nil) -> StoreError? {
        if let store = error as? StoreError { return store }
        guard let db = error as? DatabaseError else { return nil }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .sqlite(.busy, path: path)
        case .SQLITE_FULL: return .sqlite(.diskFull, path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return .sqlite(.readOnly, path: path)
        case .SQLITE_IOERR: return .sqlite(.ioFailure(db.message ?? "I/O"), path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .sqlite(.corrupt, path: path)
        case .SQLITE_CANTOPEN: return .sqlite(.cannotOpen, path: path)
        default:
            return .io(path: path ?? "SQLite", detail: tr("数据库出错（\(db.message ?? "\(db.resultCode)")）", "database error (\(db.message ?? "\(db.resultCode)"))"))
        }
    }
}
