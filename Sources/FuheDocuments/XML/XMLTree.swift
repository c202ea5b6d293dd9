/// A parsed XML element: qualified name, attributes in document order (raw qualified names,
/// decoded values) and children. A class, because the template compiler splits and wraps
/// subtrees in place.
final class XMLElement {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [XMLNode]

    init(_ name: String, attributes: [(name: String, value: String)] = [], children: [XMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    func setAttribute(_ name: String, _ value: String) {
        if let i = attributes.firstIndex(where: { $0.name == name }) { attributes[i].value = value } else { attributes.append((name, value)) }
    }

    /// Child elements with this name.
    func elements(_ name: String) -> [XMLElement] {
        children.compactMap { if case .element(let e) = $0, e.name == name { return e } else { return nil } }
    }

    /// The first child element with this name.
    func element(_ name: String) -> XMLElement? { elements(name).first }

    /// A deep copy.
    func copy() -> XMLElement {
        XMLElement(name, attributes: attributes, children: children.map { $0.copy() })
    }

    /// Local part of the name ("w:p" → "p").
    var localName: Substring {
        guard let colon = name.firstIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }
}

/// A node of the tree. `tag` and `section` appear only in a compiled template: a `{{field}}` in
/// a text run, and a range of siblings wrapped by `{{#name}}…{{/name}}`.
enum XMLNode {
    case element(XMLElement)
    case text(String)
    /// Comments, processing instructions, CDATA: written back exactly as read.
    case raw(String)
    case tag(TemplateTag)
    case section(TemplateSection)

    func copy() -> XMLNode {
        switch self {
        case .element(let e): .element(e.copy())
        case .section(let s): .section(TemplateSection(tag: s.tag, children: s.children.map { $0.copy() }))
        default: self
        }
    }

    var element: XMLElement? { if case .element(let e) = self { e } else { nil } }
}

/// A parsed part: the prolog (XML declaration and anything before the root) and the root element.
struct XMLDocumentPart {
    var prolog: String
    var root: XMLElement
}
