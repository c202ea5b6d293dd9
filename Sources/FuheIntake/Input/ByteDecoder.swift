import Foundation

/// Decodes a text file's bytes, detecting the encoding from the bytes themselves rather than
/// guessing: a byte-order mark (UTF-8, UTF-16), else whichever of UTF-8 and GB18030 (which
/// includes GBK and GB2312) reads the bytes with the fewest invalid sequences. A few bad
/// sequences are shown as U+FFFD and reported by line; mostly-unreadable bytes are refused.
enum ByteDecoder {
    struct Decoded {
        var text: String
        var encoding: String
    }

    /// GB18030 in Foundation (kCFStringEncodingGB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func decode(_ bytes: [UInt8], file: String) throws(IntakeError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try nonEmpty(Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "UTF-8 (BOM)"), file)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try nonEmpty(utf16(bytes.dropFirst(2), littleEndian: true, name: "UTF-16LE"), file) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try nonEmpty(utf16(bytes.dropFirst(2), littleEndian: false, name: "UTF-16BE"), file) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw IntakeError(file: file, "文件是空的（没有任何文字）")
        }
        if let endian = utf16WithoutMark(bytes) {
            return try nonEmpty(utf16(bytes[...], littleEndian: endian, name: endian ? "UTF-16LE" : "UTF-16BE"), file)
        }
        if let line = binaryLine(bytes) {
            throw IntakeError(file: file, line: line, "不是文本文件（含有二进制数据）：请提供报告的文本、网页（HTML）、DOCX 或 PDF 文件")
        }
        let utf8 = scanUTF8(bytes)
        if utf8.bad == 0 { return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8") }
        let gb = scanGB18030(bytes)
        if gb.bad == 0, gb.multibyte > 0 {
            return try nonEmpty(Decoded(text: decodeGB(bytes, bad: []), encoding: gb.fourByte ? "GB18030" : "GBK"), file)
        }
        if utf8.bad <= tolerance(utf8.multibyte), utf8.bad <= gb.bad {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), encoding: "UTF-8")
        }
        if gb.bad <= tolerance(gb.multibyte) {
            return Decoded(text: decodeGB(bytes, bad: gb.badOffsets), encoding: gb.fourByte ? "GB18030" : "GBK")
        }
        let first = min(utf8.badOffsets.first ?? 0, gb.badOffsets.first ?? 0)
        throw IntakeError(file: file, line: lineOf(first, in: bytes),
                          "无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）：请用记事本或 WPS 把报告另存为 UTF-8 文本后再导入")
    }

    /// A few bad sequences in a long text are garbled characters; more mean the wrong encoding.
    static func tolerance(_ multibyte: Int) -> Int { max(2, multibyte / 200) }

    private static func nonEmpty(_ d: Decoded, _ file: String) throws(IntakeError) -> Decoded {
        if d.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { throw IntakeError(file: file, "文件是空的（没有任何文字）") }
        return d
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, name: String) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: name)
    }

    /// UTF-16 without a mark: most of the bytes at odd (LE) or even (BE) offsets are zero.
    private static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 8 else { return nil }
        var evenZero = 0, oddZero = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { evenZero += 1 }
            if bytes[i + 1] == 0 { oddZero += 1 }
        }
        let pairs = n / 2
        if oddZero * 10 >= pairs * 4 && evenZero * 10 < pairs { return true }
        if evenZero * 10 >= pairs * 4 && oddZero * 10 < pairs { return false }
        return nil
    }

    /// The line of the first control byte when more than 1 % of the bytes (or any NUL) are control
    /// characters that never occur in text.
    private static func binaryLine(_ bytes: [UInt8]) -> Int? {
        var controls = 0, first: Int?
        for (i, b) in bytes.enumerated() where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B {
            if b == 0 { return lineOf(i, in: bytes) }
            controls += 1
            if first == nil { first = i }
        }
        guard let first, controls * 100 > bytes.count else { return nil }
        return lineOf(first, in: bytes)
    }

    static func lineOf(_ offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for b in bytes[..<min(offset, bytes.count)] where b == 0x0A { line += 1 }
        return line
    }

    struct Scan {
        var multibyte = 0
        var bad = 0
        var badOffsets: [Int] = []
        var fourByte = false
    }

    static func scanUTF8(_ b: [UInt8]) -> Scan {
        var s = Scan()
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var min: UInt32 = 0
            var value: UInt32 = 0
            switch c {
            case 0xC2...0xDF: need = 1; value = UInt32(c & 0x1F); min = 0x80
            case 0xE0...0xEF: need = 2; value = UInt32(c & 0x0F); min = 0x800
            case 0xF0...0xF4: need = 3; value = UInt32(c & 0x07); min = 0x10000
            default: need = -1
            }
            var ok = need > 0
            if ok {
                for k in 1...need {
                    guard i + k < n, b[i + k] & 0xC0 == 0x80 else { ok = false; break }
                    value = value << 6 | UInt32(b[i + k] & 0x3F)
                }
            }
            if ok && value >= min && value <= 0x10FFFF && !(0xD800...0xDFFF).contains(value) {
                s.multibyte += 1
                i += need + 1
            } else {
                s.bad += 1
                if s.badOffsets.count < 64 { s.badOffsets.append(i) }
                i += 1
            }
        }
        return s
    }

    static func scanGB18030(_ b: [UInt8]) -> Scan {
        var s = Scan()
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if (0x81...0xFE).contains(c), i + 1 < n {
                let d = b[i + 1]
                if (0x40...0x7E).contains(d) || (0x80...0xFE).contains(d) {
                    s.multibyte += 1
                    i += 2
                    continue
                }
                if (0x30...0x39).contains(d), i + 3 < n, (0x81...0xFE).contains(b[i + 2]), (0x30...0x39).contains(b[i + 3]) {
                    s.multibyte += 1
                    s.fourByte = true
                    i += 4
                    continue
                }
            }
            s.bad += 1
            s.badOffsets.append(i)
            i += 1
        }
        return s
    }

    /// GB18030 text with the bytes at `bad` (at most a few) shown as U+FFFD.
    static func decodeGB(_ bytes: [UInt8], bad: [Int]) -> String {
        var out = ""
        var start = 0
        func run(_ r: Range<Int>) {
            guard !r.isEmpty else { return }
            out += String(data: Data(bytes[r]), encoding: gb18030) ?? String(repeating: "\u{FFFD}", count: 1)
        }
        for offset in bad.sorted() where offset >= start {
            run(start..<offset)
            out += "\u{FFFD}"
            start = offset + 1
        }
        run(start..<bytes.count)
        return out
    }
}
