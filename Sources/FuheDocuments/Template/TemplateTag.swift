import Foundation

/// A `{{…}}` mark found in a template's text: a field (`{{单位名称}}`), a section start
/// (`{{#评分表}}`, or `{{^评分表}}` for "when empty"), or a section end (`{{/评分表}}`), with the
/// place it was found for error messages.
final class TemplateTag {
    enum Kind: Equatable { case field, open, openInverted, close }

    let kind: Kind
    let name: String
    /// As typed, braces included.
    let source: String
    /// Where it is, as a reader of the document finds it: "正文第12段（表格2第3行第1列）“…”".
    var place: String = ""

    init(kind: Kind, name: String, source: String) {
        self.kind = kind
        self.name = name
        self.source = source
    }

    /// Parses the inside of `{{ }}`: `#名`, `^名`, `/名` or `名` (spaces around the name ignored).
    static func parse(_ inner: String, source: String) -> TemplateTag {
        var body = Substring(inner).drop { $0 == " " || $0 == "\u{3000}" }
        var kind = Kind.field
        switch body.first {
        case "#": kind = .open
        case "^": kind = .openInverted
        case "/": kind = .close
        default: break
        }
        if kind != .field { body = body.dropFirst() }
        let name = String(body).trimmingCharacters(in: [" ", "\u{3000}"])
        return TemplateTag(kind: kind, name: name, source: source)
    }
}

/// `{{#name}}…{{/name}}` after compilation: the wrapped siblings, repeated for each item of a
/// list, kept once for a true flag or a non-empty text, dropped otherwise (inverted: the reverse).
final class TemplateSection {
    let tag: TemplateTag
    var children: [XMLNode]

    init(tag: TemplateTag, children: [XMLNode]) {
        self.tag = tag
        self.children = children
    }
}
