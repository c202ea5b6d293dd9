/// A point in a store's history: the sequence number of the last journal entry a session has
/// seen (0 = before the first). Positions only grow; a session asks what changed after its own.
public struct JournalPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seq: Int64

    public init(_ seq: Int64) { self.seq = seq }

    /// Before any entry.
    public static let start = JournalPosition(0)

    public static func < (a: JournalPosition, b: JournalPosition) -> Bool { a.seq < b.seq }

    public var description: String { "#\(seq)" }
}

/// A cheap token that differs once another session has committed to the store (SQLite's
/// `data_version` on the session's own connection; a server would count the changes it pushed).
/// Only tokens from the same repository are comparable; an equal token means nothing new.
public struct StoreVersion: Sendable, Hashable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }
}
