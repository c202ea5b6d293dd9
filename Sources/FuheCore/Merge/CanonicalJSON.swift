/// `JSONFields`' canonical text (Foundation's `JSONSerialization` with sorted keys and unescaped
/// `/`) written straight from the bytes, for the plain JSON the store holds: objects whose keys
/// are ASCII letters, arrays, strings with the escapes `JSONSerialization` itself writes
/// (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`), integers of up to 15 digits, `true`, `false`,
/// `null`, no whitespace. Anything else gives nil and the caller asks Foundation, so the text is
/// always exactly Foundation's (`CanonicalJSONTests` compare the two).
///
/// `JSONSerialization` orders keys as `NSString.compare` with `.numeric`, `.caseInsensitive` and
/// `.forcedOrdering` does; for keys of ASCII letters that differ other than in case, that is
/// the order of their lowercased bytes. Keys equal but for case are left to Foundation.
enum CanonicalJSON {
    /// The canonical text of one JSON value, or nil when it is outside the subset above.
    static func value(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var scanner = Scanner(bytes: bytes)
            guard scanner.value(depth: 0), scanner.at == bytes.count else { return nil }
            return String(decoding: scanner.out, as: UTF8.self)
        }
    }

    /// Top-level keys in canonical order, or nil when one is not plain ASCII letters or two are
    /// equal but for case.
    static func sortedKeys<S: Sequence>(_ keys: S) -> [String]? where S.Element == String {
        var keyed: [(lower: [UInt8], key: String)] = []
        for key in keys {
            var lower: [UInt8] = []
            lower.reserveCapacity(key.utf8.count)
            for b in key.utf8 {
                guard let l = Scanner.lowerLetter(b) else { return nil }
                lower.append(l)
            }
            guard !lower.isEmpty else { return nil }
            keyed.append((lower, key))
        }
        keyed.sort { $0.lower.lexicographicallyPrecedes($1.lower) }
        for i in keyed.indices.dropFirst() where keyed[i].lower == keyed[i - 1].lower { return nil }
        return keyed.map(\.key)
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0
        var out: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            out.reserveCapacity(bytes.count)
        }

        static func lowerLetter(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): b
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): b | 0x20
            default: nil
            }
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < 64, at < bytes.count else { return false }
            switch bytes[at] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer()
            default: return false
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard at + n <= bytes.count else { return false }
            for k in 0..<n where bytes[at + k] != word.utf8Start[k] { return false }
            out.append(contentsOf: UnsafeBufferPointer(start: word.utf8Start, count: n))
            at += n
            return true
        }

        /// `-?(0|[1-9][0-9]*)`, at most 15 digits, not followed by a fraction or exponent.
        mutating func integer() -> Bool {
            let start = at
            if bytes[at] == UInt8(ascii: "-") { at += 1 }
            let digitsStart = at
            while at < bytes.count, bytes[at] >= UInt8(ascii: "0"), bytes[at] <= UInt8(ascii: "9") { at += 1 }
            let digits = at - digitsStart
            guard digits >= 1, digits <= 15 else { return false }
            if bytes[digitsStart] == UInt8(ascii: "0") && (digits > 1 || digitsStart > start) { return false }   // 01, -0
            if at < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[at]) { return false }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
            return true
        }

        mutating func string() -> Bool {
            let start = at
            at += 1
            while at < bytes.count {
                let b = bytes[at]
                if b == UInt8(ascii: "\"") {
                    at += 1
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<at]))
                    return true
                }
                if b < 0x20 { return false }
                if b == UInt8(ascii: "\\") {
                    guard at + 1 < bytes.count else { return false }
                    switch bytes[at + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                         UInt8(ascii: "b"), UInt8(ascii: "f"): at += 2
                    default: return false   // \/ and \u… are rewritten by Foundation
                    }
                    continue
                }
                at += 1
            }
            return false
        }

        mutating func array(depth: Int) -> Bool {
            out.append(UInt8(ascii: "["))
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1; out.append(UInt8(ascii: "]")); return true }
            while true {
                guard value(depth: depth + 1), at < bytes.count else { return false }
                let b = bytes[at]
                at += 1
                out.append(b)
                if b == UInt8(ascii: "]") { return true }
                guard b == UInt8(ascii: ",") else { return false }
            }
        }

        /// Members are written as they come, then put in canonical order when they are not in it.
        mutating func object(depth: Int) -> Bool {
            let base = out.count
            out.append(UInt8(ascii: "{"))
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; out.append(UInt8(ascii: "}")); return true }
            var members: [(lower: [UInt8], span: Range<Int>)] = []
            while true {
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return false }
                let memberStart = out.count
                var lower: [UInt8] = []
                var k = at + 1
                while k < bytes.count, let l = Self.lowerLetter(bytes[k]) { lower.append(l); k += 1 }
                guard !lower.isEmpty, k + 1 < bytes.count, bytes[k] == UInt8(ascii: "\""), bytes[k + 1] == UInt8(ascii: ":") else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...(k + 1)]))
                at = k + 2
                guard value(depth: depth + 1), at < bytes.count else { return false }
                members.append((lower, memberStart..<out.count))
                let b = bytes[at]
                at += 1
                if b == UInt8(ascii: "}") { break }
                guard b == UInt8(ascii: ",") else { return false }
                out.append(b)
            }
            var order = Array(members.indices)
            order.sort { members[$0].lower.lexicographicallyPrecedes(members[$1].lower) }
            for i in order.indices.dropFirst() where members[order[i]].lower == members[order[i - 1]].lower { return false }
            if order != Array(members.indices) {
                var sorted: [UInt8] = [UInt8(ascii: "{")]
                for (n, m) in order.enumerated() {
                    if n > 0 { sorted.append(UInt8(ascii: ",")) }
                    sorted.append(contentsOf: out[members[m].span])
                }
                out.removeSubrange(base...)
                out.append(contentsOf: sorted)
            }
            out.append(UInt8(ascii: "}"))
            return true
        }
    }
}
