/// Checks every tag of a compiled part against the document's fields before anything is filled:
/// fields resolve in the innermost list's item first, then outwards (as in Mustache), so
/// `{{单位名称}}` works inside `{{#评分表}}`.
enum TemplateValidator {
    static func validate(_ root: XMLElement, _ schema: FieldSchema) throws(TemplateError) {
        try visit(root.children, scopes: [schema])
    }

    private static func lookup(_ name: String, _ scopes: [FieldSchema]) -> FieldSchema.Field? {
        for scope in scopes.reversed() { if let f = scope.field(name) { return f } }
        return nil
    }

    private static func visit(_ nodes: [XMLNode], scopes: [FieldSchema]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .element(let e): try visit(e.children, scopes: scopes)
            case .tag(let t):
                guard let field = lookup(t.name, scopes) else { throw .unknownField(name: t.name, place: t.place) }
                if case .list = field.kind { throw .listAsField(name: t.name, place: t.place) }
            case .section(let s):
                guard let field = lookup(s.tag.name, scopes) else { throw .unknownField(name: s.tag.name, place: s.tag.place) }
                switch field.kind {
                case .chart: throw .chartInSection(name: s.tag.name, place: s.tag.place)
                case .list(let item): try visit(s.children, scopes: scopes + [item])
                case .text, .flag: try visit(s.children, scopes: scopes)
                }
            case .text, .raw: continue
            }
        }
    }
}
