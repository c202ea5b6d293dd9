import Foundation
import FuheUI

/// The user's key configuration, `$XDG_CONFIG_HOME/fuhe/keys.conf` (else `~/.config/fuhe/keys.conf`):
/// the registry's default keys with the file's overrides (format: `KeymapFile`). No file: the defaults.
public enum KeyConfiguration {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("fuhe/keys.conf")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/fuhe/keys.conf")
    }

    /// The keymap in force; a file that cannot be read or is wrong is refused with its line.
    public static func keymap(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Keymap {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else { throw AppFailure("\(path): cannot read the key configuration") }
        guard let text = String(data: data, encoding: .utf8) else { throw AppFailure("\(path): not UTF-8 text") }
        do {
            return try KeymapFile.keymap(text, file: path)
        } catch {
            throw AppFailure(error.description)
        }
    }
}
