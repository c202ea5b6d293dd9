/// Splits a compact JSON object (no whitespace between tokens, keys without escapes — what the
/// store's encoder writes) into its top-level members by scanning bytes once, without building
/// objects. Returns nil for anything else, so the caller can fall back to a full parse.
package enum TopLevelScanner {
    /// One top-level member: the byte ranges of its key (without quotes) and of its value.
    package struct Member {
        package var key: Range<Int>
        package var value: Range<Int>
    }

    /// The members whose value is not `null`, when every key is ASCII and the keys strictly
    /// ascend in byte order (as the store writes them): then the members are `JSONFields.split`'s
    /// fields in the order of their sorted keys. Nil for any other text.
    package static func ordered(_ bytes: UnsafeBufferPointer<UInt8>) -> [Member]? {
        guard let members = members(bytes) else { return nil }
        var out: [Member] = []
        out.reserveCapacity(members.count)
        for m in members {
            guard !bytes[m.key].contains(where: { $0 >= 0x80 }) else { return nil }
            if let last = out.last, compare(bytes, last.key, bytes, m.key) >= 0 { return nil }
            if m.value.count == 4, bytes[m.value].elementsEqual("null".utf8) { continue }
            out.append(m)
        }
        return out
    }

    /// Byte order of two ranges (negative, zero, positive).
    package static func compare(_ x: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ y: UnsafeBufferPointer<UInt8>, _ s: Range<Int>) -> Int {
        let n = min(r.count, s.count)
        for k in 0..<n where x[r.lowerBound + k] != y[s.lowerBound + k] {
            return x[r.lowerBound + k] < y[s.lowerBound + k] ? -1 : 1
        }
        return r.count - s.count
    }

    static func fields(_ text: String) -> [String: String]? {
        var text = text
        return text.withUTF8 { bytes -> [String: String]? in
            guard let members = members(bytes) else { return nil }
            var out: [String: String] = [:]
            for m in members {
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[m.value]), as: UTF8.self)
                if value != "null" { out[String(decoding: UnsafeBufferPointer(rebasing: bytes[m.key]), as: UTF8.self)] = value }
            }
            return out
        }
    }

    /// Every member in the order written (`null` values and repeated keys included).
    static func members(_ bytes: UnsafeBufferPointer<UInt8>) -> [Member]? {
        let n = bytes.count
        guard n >= 2, bytes[0] == UInt8(ascii: "{"), bytes[n - 1] == UInt8(ascii: "}") else { return nil }
        var out: [Member] = []
        var i = 1
        if i == n - 1 { return out }
        while i < n - 1 {
            // "key"
            guard bytes[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i + 1
            var j = keyStart
            while j < n && bytes[j] != UInt8(ascii: "\"") {
                if bytes[j] == UInt8(ascii: "\\") { return nil }
                j += 1
            }
            guard j < n - 1, bytes[j + 1] == UInt8(ascii: ":") else { return nil }
            // value: up to the comma or brace at depth 0, outside strings
            let valueStart = j + 2
            var k = valueStart
            var depth = 0
            var inString = false
            scan: while k < n {
                let b = bytes[k]
                if inString {
                    if b == UInt8(ascii: "\\") { k += 2; continue }
                    if b == UInt8(ascii: "\"") { inString = false }
                } else {
                    switch b {
                    case UInt8(ascii: "\""): inString = true
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        if depth == 0 { break scan }
                        depth -= 1
                    case UInt8(ascii: ","): if depth == 0 { break scan }
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): return nil
                    default: break
                    }
                }
                k += 1
            }
            guard k < n, k > valueStart, !inString, depth == 0 else { return nil }
            out.append(Member(key: keyStart..<j, value: valueStart..<k))
            if bytes[k] == UInt8(ascii: "}") {
                return k == n - 1 ? out : nil
            }
            i = k + 1
        }
        return nil
    }
}
