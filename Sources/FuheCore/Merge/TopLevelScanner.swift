/// Splits a compact JSON object (no whitespace between tokens, keys without escapes — what the
/// store's encoder writes) into its top-level members by scanning bytes once, without building
/// objects. Returns nil for anything else, so the caller can fall back to a full parse.
enum TopLevelScanner {
    static func fields(_ text: String) -> [String: String]? {
        var text = text
        return text.withUTF8 { bytes -> [String: String]? in
            let n = bytes.count
            guard n >= 2, bytes[0] == UInt8(ascii: "{"), bytes[n - 1] == UInt8(ascii: "}") else { return nil }
            var out: [String: String] = [:]
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
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<j]), as: UTF8.self)
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
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<k]), as: UTF8.self)
                if value != "null" { out[key] = value }
                if bytes[k] == UInt8(ascii: "}") {
                    return k == n - 1 ? out : nil
                }
                i = k + 1
            }
            return nil
        }
    }
}
