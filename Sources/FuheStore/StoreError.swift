/// Why the store refused an operation. Nothing was written when one of these is thrown.
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

    public var description: String {
        switch self {
        case .notAFuheStore(let path, let detail): "\(path): not a Fuhe store (\(detail)); nothing was changed"
        case .tooNew(let path, let version): "\(path): written by a newer Fuhe (schema \(version)); upgrade Fuhe to open it"
        case .missingStore(let path): "\(path): no such store"
        case .unknownDossier(let id): "unknown dossier \"\(id)\""
        case .unknownTemplate(let id): "unknown template \"\(id)\""
        case .duplicateDossier(let id): "dossier \"\(id)\" is already in the store (use --replace to overwrite it)"
        case .rule(let code, let message): "\(message) (\(code))"
        case .io(let path, let detail): "\(path): \(detail)"
        }
    }
}
