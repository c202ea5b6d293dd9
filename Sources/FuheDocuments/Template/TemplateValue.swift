/// A value a template field takes: text, a yes/no flag (for `{{#有整改事项}}…{{/有整改事项}}`),
/// a list of records (for repeated rows and paragraphs), or a chart drawn where the field stands.
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateRecord])
    case chart(ChartSpec)
}

/// Field values by name: the document's top level, or one item of a list.
public struct TemplateRecord: Sendable {
    public var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue] = [:]) { self.values = values }

    public subscript(name: String) -> TemplateValue? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Sets a text field.
    public mutating func set(_ name: String, _ text: String) { values[name] = .text(text) }
    public mutating func set(_ name: String, flag: Bool) { values[name] = .flag(flag) }
    public mutating func set(_ name: String, list: [TemplateRecord]) { values[name] = .list(list) }
}

/// The fields a document offers, with what each holds: the list of every field a template may
/// use (docs/reports.md is checked against it), and what a template is validated against before
/// anything is filled — so a misspelt field is reported even inside a list that happens to be empty.
public struct FieldSchema: Sendable {
    public enum Kind: Sendable {
        case text, flag, chart
        case list(FieldSchema)
    }

    public struct Field: Sendable {
        public var name: String
        public var kind: Kind
        /// What it holds, in Chinese, for docs/reports.md and `fuhe report fields`.
        public var help: String
    }

    public var fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }
}

extension FieldSchema.Field {
    public static func text(_ name: String, _ help: String) -> Self { Self(name: name, kind: .text, help: help) }
    public static func flag(_ name: String, _ help: String) -> Self { Self(name: name, kind: .flag, help: help) }
    public static func chart(_ name: String, _ help: String) -> Self { Self(name: name, kind: .chart, help: help) }
    public static func list(_ name: String, _ help: String, _ item: [Self]) -> Self {
        Self(name: name, kind: .list(FieldSchema(item)), help: help)
    }
}
