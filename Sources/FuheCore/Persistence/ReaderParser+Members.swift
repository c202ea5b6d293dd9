import Foundation

/// Reading values straight into typed fields (for `StoredRowReader`), over the same strict
/// grammar as the tree: anything else throws `StoredJSONReader.Unsupported`, and the caller falls
/// back to the tree reader and then to `JSONDecoder`, whose answer (value or error) is the one.
extension ReaderParser {
    /// Where an object or array being read stands.
    struct Members {
        fileprivate var first = true
        fileprivate var seen: UInt64 = 0
        /// The index of the last member read (-1 before the first): stored text has its keys in
        /// sorted order, so the name that follows it in that order is tried first.
        fileprivate var last = -1
    }

    /// Opens an object at `at` (after optional space).
    mutating func openObject() throws -> Members {
        skipSpace()
        guard at < bytes.count, bytes[at] == 0x7B else { throw StoredJSONReader.Unsupported() }
        at += 1
        return Members()
    }

    /// The index in `names` of the next member's key (positioned at its value), or nil at the
    /// object's end. An unknown, escaped or repeated key is not modelled here.
    mutating func nextMember(_ names: MemberNames, _ members: inout Members) throws -> Int? {
        skipSpace()
        guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
        if bytes[at] == 0x7D { at += 1; return nil }
        if members.first { members.first = false } else {
            guard bytes[at] == 0x2C else { throw StoredJSONReader.Unsupported() }
            at += 1
            skipSpace()
        }
        guard at < bytes.count, bytes[at] == 0x22 else { throw StoredJSONReader.Unsupported() }
        at += 1
        let start = at
        while at < bytes.count, bytes[at] != 0x22 {
            guard bytes[at] >= 0x20, bytes[at] != 0x5C else { throw StoredJSONReader.Unsupported() }
            at += 1
        }
        guard at < bytes.count, let index = names.index(of: UnsafeBufferPointer(rebasing: bytes[start..<at]), after: members.last),
              members.seen & (1 << index) == 0 else { throw StoredJSONReader.Unsupported() }
        members.seen |= 1 << index
        members.last = index
        at += 1
        skipSpace()
        guard at < bytes.count, bytes[at] == 0x3A else { throw StoredJSONReader.Unsupported() }
        at += 1
        skipSpace()
        return index
    }

    /// Opens an array at `at` (after optional space).
    mutating func openArray() throws -> Members {
        skipSpace()
        guard at < bytes.count, bytes[at] == 0x5B else { throw StoredJSONReader.Unsupported() }
        at += 1
        return Members()
    }

    /// True when another element follows (positioned at it), false at the array's end.
    mutating func nextElement(_ members: inout Members) throws -> Bool {
        skipSpace()
        guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
        if bytes[at] == 0x5D { at += 1; return false }
        if members.first { members.first = false } else {
            guard bytes[at] == 0x2C else { throw StoredJSONReader.Unsupported() }
            at += 1
            skipSpace()
        }
        return true
    }

    /// The whole text has been read (only space may follow).
    mutating func end() throws {
        skipSpace()
        guard at == bytes.count else { throw StoredJSONReader.Unsupported() }
    }

    /// Consumes `null` and answers true, or answers false for any other value.
    mutating func null() throws -> Bool {
        guard at < bytes.count, bytes[at] == 0x6E else { return false }
        try literal("null")
        return true
    }

    mutating func text() throws -> String {
        guard at < bytes.count, bytes[at] == 0x22 else { throw StoredJSONReader.Unsupported() }
        return try string()
    }

    mutating func optionalText() throws -> String? { try null() ? nil : text() }

    mutating func bool() throws -> Bool {
        guard at < bytes.count else { throw StoredJSONReader.Unsupported() }
        if bytes[at] == 0x74 { try literal("true"); return true }
        try literal("false")
        return false
    }

    /// A plain integer, read as `Int(_:radix:)` reads the number's text (as the tree does).
    mutating func int() throws -> Int {
        guard at < bytes.count, bytes[at] == 0x2D || (bytes[at] >= 0x30 && bytes[at] <= 0x39),
              let v = Int(try number(), radix: 10) else { throw StoredJSONReader.Unsupported() }
        return v
    }

    /// A plain decimal (`Decimal.description`'s form), as the tree reads it.
    mutating func decimal() throws -> Decimal {
        guard at < bytes.count, bytes[at] == 0x2D || (bytes[at] >= 0x30 && bytes[at] <= 0x39) else { throw StoredJSONReader.Unsupported() }
        guard let d = ReaderValue.plainDecimal(try number()) else { throw StoredJSONReader.Unsupported() }
        return d
    }

    mutating func date() throws -> Date {
        // The stored form read in place (no `String`): 20 bytes between quotes that match it
        // contain no escape, so they are the string itself; anything else is read as text.
        if at + 21 < bytes.count, bytes[at] == 0x22, bytes[at + 21] == 0x22,
           let date = try? ReaderValue.iso8601(utf8: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<(at + 21)])) {
            at += 22
            return date
        }
        return try ReaderValue.iso8601(text())
    }

    mutating func day() throws -> CalendarDay {
        guard let day = CalendarDay(try text()) else { throw StoredJSONReader.Unsupported() }
        return day
    }

    mutating func score() throws -> Score {
        guard let score = Score(try text()) else { throw StoredJSONReader.Unsupported() }
        return score
    }

    mutating func money() throws -> Money {
        guard let money = Money(wanYuan: try text()) else { throw StoredJSONReader.Unsupported() }
        return money
    }

    mutating func choice<E: RawRepresentable>(_ type: E.Type) throws -> E where E.RawValue == String {
        guard let value = E(rawValue: try text()) else { throw StoredJSONReader.Unsupported() }
        return value
    }

    mutating func texts() throws -> [String] {
        var out: [String] = []
        var members = try openArray()
        while try nextElement(&members) { out.append(try text()) }
        return out
    }

    mutating func list<T>(_ element: (inout ReaderParser) throws -> T) throws -> [T] {
        var out: [T] = []
        var members = try openArray()
        while try nextElement(&members) { out.append(try element(&self)) }
        return out
    }
}

/// The member names of one stored type, matched byte for byte (at most 64).
struct MemberNames: Sendable {
    private let names: [[UInt8]]
    /// Per index (and at the end, for "before the first"), the index of the name that follows it
    /// in byte order — the order in which the store writes keys.
    private let following: [Int]

    init(_ names: [String]) {
        precondition(names.count <= 64)
        let bytes = names.map { Array($0.utf8) }
        self.names = bytes
        let sorted = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        var following = Array(repeating: -1, count: bytes.count + 1)
        following[bytes.count] = sorted.first ?? -1
        for (k, i) in sorted.enumerated() { following[i] = k + 1 < sorted.count ? sorted[k + 1] : -1 }
        self.following = following
    }

    /// The index of `key`, trying first the name that follows the one at `last` (-1: none yet).
    func index(of key: UnsafeBufferPointer<UInt8>, after last: Int = -1) -> Int? {
        let guess = following[last < 0 ? names.count : last]
        if guess >= 0, matches(guess, key) { return guess }
        for i in names.indices where i != guess && matches(i, key) { return i }
        return nil
    }

    private func matches(_ i: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        names[i].count == key.count
            && names[i].withUnsafeBufferPointer { n in key.isEmpty || memcmp(n.baseAddress!, key.baseAddress!, key.count) == 0 }
    }
}
