import Foundation
import FuheWire

/// Where `fuhe login` keeps tokens: `$XDG_STATE_HOME/fuhe/tokens.json` (else
/// `~/.local/state/fuhe/tokens.json`), one per server, in a file only its owner can read (0600, in a
/// 0700 folder), written to a temporary file and renamed. Only the token is kept, never a password.
public struct TokenFile: Sendable {
    public let path: String

    public struct Entry: Codable, Sendable {
        public var token: String
        public var name: String
        public var expiresAt: String

        public init(token: String, name: String, expiresAt: String) {
            self.token = token
            self.name = name
            self.expiresAt = expiresAt
        }
    }

    public init(path: String? = nil) {
        if let path { self.path = path; return }
        let env = ProcessInfo.processInfo.environment
        let state = env["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        self.path = state + "/fuhe/tokens.json"
    }

    /// The server's key: scheme, host and port, without a trailing slash.
    public static func key(_ server: URL) -> String {
        var s = server.absoluteString
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    public func read() -> [String: Entry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return (try? JSONDecoder().decode([String: Entry].self, from: data)) ?? [:]
    }

    public func token(for server: URL) -> Entry? { read()[Self.key(server)] }

    /// Stores (or with nil, forgets) the token for a server.
    public func store(_ entry: Entry?, for server: URL) throws {
        var all = read()
        all[Self.key(server)] = entry
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let data = try encoder.encode(all)
        let temporary = dir + "/.tokens.\(UUID().uuidString).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw TokenFileError(path: temporary)
        }
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw TokenFileError(path: path)
        }
    }
}

struct TokenFileError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): cannot write the token file" }
}
