import Foundation

/// A recorded training session (`fuhe demo --record FILE`): JSON lines, a header then one line
/// per key with the milliseconds since the session started and the command the key triggered.
///
/// ```
/// {"actor":"培训学员","as_of":"2026-11-23","format":"fuhe.session/1","height":30,"lesson":2,"present":true,"width":100}
/// {"command":"search.start","key":"/","ms":1520}
/// {"command":"app.quit","key":"q","ms":9034}
/// ```
public struct SessionRecord: Sendable, Equatable {
    public static let format = "fuhe.session/1"

    public var header: SessionHeader
    public var events: [SessionEvent]

    public init(header: SessionHeader, events: [SessionEvent] = []) {
        self.header = header
        self.events = events
    }

    /// The whole record as text (one JSON object per line).
    public func encoded() -> String {
        ([header.line()] + events.map { $0.line() }).joined(separator: "\n") + "\n"
    }
}

/// The first line of a record: how the session started.
public struct SessionHeader: Sendable, Equatable, Codable {
    public var format = SessionRecord.format
    /// Terminal size when recording started (replays on another size may scroll differently).
    public var width: Int
    public var height: Int
    /// The day the sandbox's sample dates were shifted to.
    public var asOf: String
    public var actor: String
    /// The lesson started with `--lesson N`, if any.
    public var lesson: Int?
    public var present: Bool

    public init(width: Int, height: Int, asOf: String, actor: String, lesson: Int? = nil, present: Bool = false) {
        self.width = width
        self.height = height
        self.asOf = asOf
        self.actor = actor
        self.lesson = lesson
        self.present = present
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, width, height, asOf = "as_of", actor, lesson, present
    }

    public func line() -> String { SessionJSON.line(self) }
}

/// One key of a record.
public struct SessionEvent: Sendable, Equatable, Codable {
    /// Milliseconds since the session started.
    public var ms: Int
    /// The key's name (`KeyName`).
    public var key: String
    /// What the key did: a command's long name ("unit.open"), or the input it went to ("form", "search").
    public var command: String?

    public init(ms: Int, key: String, command: String?) {
        self.ms = ms
        self.key = key
        self.command = command
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ms, key, command
    }

    public func line() -> String { SessionJSON.line(self) }
}

enum SessionJSON {
    static func line<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
