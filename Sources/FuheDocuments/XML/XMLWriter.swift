/// Serialises a parsed (not compiled) tree back to bytes: elements with their attributes in the
/// order read, text escaped, raw nodes as read. Empty elements are written `<a/>`.
enum XMLWriter {
    static func bytes(_ part: XMLDocumentPart) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * 1024)
        if !part.prolog.isEmpty { out += Array(part.prolog.utf8); out.append(0x0A) }
        write(part.root, to: &out)
        return out
    }

    static func write(_ e: XMLElement, to out: inout [UInt8]) {
        openTag(e, to: &out, empty: e.children.isEmpty)
        guard !e.children.isEmpty else { return }
        for child in e.children { write(child, to: &out) }
        closeTag(e.name, to: &out)
    }

    /// A node as its source: tags as typed, sections as their content.
    static func write(_ node: XMLNode, to out: inout [UInt8]) {
        switch node {
        case .element(let c): write(c, to: &out)
        case .text(let t): XMLText.appendText(t, to: &out)
        case .raw(let r): out += Array(r.utf8)
        case .tag(let t): XMLText.appendText(t.source, to: &out)
        case .section(let s): for c in s.children { write(c, to: &out) }
        }
    }

    static func openTag(_ e: XMLElement, to out: inout [UInt8], empty: Bool) {
        out.append(UInt8(ascii: "<"))
        out += Array(e.name.utf8)
        for a in e.attributes {
            out.append(0x20)
            out += Array(a.name.utf8)
            out += [UInt8(ascii: "="), UInt8(ascii: "\"")]
            XMLText.appendAttribute(a.value, to: &out)
            out.append(UInt8(ascii: "\""))
        }
        if empty { out.append(UInt8(ascii: "/")) }
        out.append(UInt8(ascii: ">"))
    }

    static func closeTag(_ name: String, to out: inout [UInt8]) {
        out += [UInt8(ascii: "<"), UInt8(ascii: "/")]
        out += Array(name.utf8)
        out.append(UInt8(ascii: ">"))
    }
}
