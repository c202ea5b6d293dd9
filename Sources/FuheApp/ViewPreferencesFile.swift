import Foundation
import FuheStore
import FuheUI

/// Where the workstation remembers each store's sorts, filters and last position:
/// `$XDG_STATE_HOME/fuhe/views/<store id>.json` (else `~/.local/state/fuhe/views/…`), mode 0600,
/// written to a temporary file and renamed. A missing or unreadable file is simply no memory.
public enum ViewPreferencesFile {
    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("fuhe/views")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/fuhe/views")
    }

    /// The file of a store (by its id, so a copy and its main store remember separately).
    public static func path(for store: FuheStore, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let id = try? store.meta("store_id"), !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        return (directory(environment: environment) as NSString).appendingPathComponent(id + ".json")
    }

    public static func load(for store: FuheStore, environment: [String: String] = ProcessInfo.processInfo.environment) -> ViewPreferences? {
        guard let path = path(for: store, environment: environment), let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(ViewPreferences.self, from: data)
    }

    /// Writes the preferences; failures are ignored (a read-only home loses the memory, not work).
    public static func save(_ preferences: ViewPreferences, for store: FuheStore,
                            environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = path(for: store, environment: environment) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(preferences) else { return }
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp, path) != 0 { try? FileManager.default.removeItem(atPath: temp) }
    }
}
