/// A small, linear XML parser for the parts of OOXML packages: elements, attributes, text with
/// the predefined and numeric entities, comments, processing instructions and CDATA (kept raw).
/// Document type declarations are refused (no entity expansion). Names are kept as written
/// (`w:p`); namespaces are not resolved, the caller compares qualified names.
struct MarkupParser {
    private let bytes: [UInt8]
    private var i = 0

    static func parse(_ bytes: [UInt8]) throws(MarkupError) -> XMLDocumentPart {
        var p = MarkupParser(bytes: bytes)
        return try p.document()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func document() throws(MarkupError) -> XMLDocumentPart {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        var prolog = ""
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("没有根元素") }
            if starts("<?") {
                prolog += try until("?>", from: i)
            } else if starts("<!--") {
                prolog += try until("-->", from: i)
            } else if starts("<!") {
                throw error("不接受文档类型声明（<!DOCTYPE）")
            } else {
                break
            }
        }
        let root = try element()
        skipSpace()
        while i < bytes.count {
            if starts("<!--") || starts("<?") { _ = try until(starts("<?") ? "?>" : "-->", from: i); skipSpace(); continue }
            throw error("根元素之后还有内容")
        }
        return XMLDocumentPart(prolog: prolog, root: root)
    }

    private mutating func element() throws(MarkupError) -> XMLElement {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { throw error("应为元素开始“<”") }
        i += 1
        let name = try readName()
        let element = XMLElement(name)
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("元素 <\(name)> 未结束") }
            if bytes[i] == UInt8(ascii: "/") {
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw error("<\(name)> 中应为“/>”") }
                i += 2
                return element
            }
            if bytes[i] == UInt8(ascii: ">") { i += 1; break }
            let attrName = try readName()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("属性 \(attrName) 缺少“=”") }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw error("属性 \(attrName) 的值应加引号")
            }
            let quote = bytes[i]
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "<") { throw error("属性值中不能有“<”") }
                i += 1
            }
            guard i < bytes.count else { throw error("属性 \(attrName) 的值未结束") }
            element.attributes.append((attrName, try decode(start, i)))
            i += 1
        }
        // Content.
        var textStart = i
        while true {
            guard i < bytes.count else { throw error("元素 <\(name)> 未结束") }
            if bytes[i] != UInt8(ascii: "<") { i += 1; continue }
            if textStart < i { element.children.append(.text(try decode(textStart, i))) }
            if starts("</") {
                i += 2
                let end = try readName()
                guard end == name else { throw error("结束标记 </\(end)> 与 <\(name)> 不匹配") }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("结束标记 </\(end)> 未结束") }
                i += 1
                return element
            } else if starts("<!--") {
                element.children.append(.raw(try until("-->", from: i)))
            } else if starts("<![CDATA[") {
                element.children.append(.raw(try until("]]>", from: i)))
            } else if starts("<?") {
                element.children.append(.raw(try until("?>", from: i)))
            } else if starts("<!") {
                throw error("不接受文档类型声明")
            } else {
                element.children.append(.element(try self.element()))
            }
            textStart = i
        }
    }

    /// The raw text from `start` through the terminator; moves past it.
    private mutating func until(_ terminator: String, from start: Int) throws(MarkupError) -> String {
        let t = Array(terminator.utf8)
        var j = start
        while j + t.count <= bytes.count {
            if bytes[j] == t[0] && bytes[j..<(j + t.count)].elementsEqual(t) {
                i = j + t.count
                return String(decoding: bytes[start..<i], as: UTF8.self)
            }
            j += 1
        }
        i = start
        throw error("缺少“\(terminator)”")
    }

    private func starts(_ prefix: String) -> Bool {
        var j = i
        for b in prefix.utf8 {
            guard j < bytes.count, bytes[j] == b else { return false }
            j += 1
        }
        return true
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func readName() throws(MarkupError) -> String {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
                || b == UInt8(ascii: "=") || b == UInt8(ascii: "<") { break }
            i += 1
        }
        guard start < i else { throw error("应为名称") }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    /// Text between two offsets with entities decoded.
    private func decode(_ start: Int, _ end: Int) throws(MarkupError) -> String {
        var slice = bytes[start..<end]
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        while let amp = slice.firstIndex(of: UInt8(ascii: "&")) {
            out += slice[slice.startIndex..<amp]
            guard let semi = slice[amp...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { throw error("“&”后缺少实体名", at: amp) }
            let entity = String(decoding: slice[(amp + 1)..<semi], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                guard entity.hasPrefix("#"), let code = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                      let scalar = Unicode.Scalar(code) else { throw error("未知实体 &\(entity);", at: amp) }
                out += Array(String(Character(scalar)).utf8)
            }
            slice = slice[(semi + 1)...]
        }
        out += slice
        return String(decoding: out, as: UTF8.self)
    }

    private func error(_ message: String, at offset: Int? = nil) -> MarkupError {
        let end = min(offset ?? i, bytes.count)
        let line = 1 + bytes[0..<end].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return MarkupError(message: message, line: line)
    }
}

/// An XML syntax error with the line it was found on.
struct MarkupError: Error, Sendable {
    var message: String
    var line: Int
}
