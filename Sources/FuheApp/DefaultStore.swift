import Foundation

/// Where the workstation keeps its store unless told otherwise.
public enum DefaultStore {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("fuhe/fuhe.sqlite")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/fuhe/fuhe.sqlite")
    }
}
