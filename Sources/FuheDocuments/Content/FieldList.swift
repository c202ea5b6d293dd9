/// A schema as text: one field a line, list items indented, for `fuhe report fields` and the
/// tables of docs/reports.md.
public enum FieldList {
    public static func text(_ schema: FieldSchema, indent: String = "") -> String {
        schema.fields.map { f in
            switch f.kind {
            case .text: "\(indent){{\(f.name)}}  \(f.help)"
            case .flag: "\(indent){{#\(f.name)}}…{{/\(f.name)}}  条件：\(f.help)"
            case .chart: "\(indent){{\(f.name)}}  图表：\(f.help)"
            case .list(let item):
                "\(indent){{#\(f.name)}}…{{/\(f.name)}}  列表：\(f.help)\n" + text(item, indent: indent + "    ")
            }
        }.joined(separator: "\n")
    }

    /// Markdown table rows `| {{名}} | 类型 | 说明 |`, list items as `名 › 子`.
    public static func markdownRows(_ schema: FieldSchema, prefix: String = "") -> [String] {
        schema.fields.flatMap { f -> [String] in
            let name = prefix + f.name
            switch f.kind {
            case .text: return ["| `{{\(f.name)}}` | \(prefix.isEmpty ? "文本" : "文本（\(prefix.dropLast(3))中）") | \(f.help) |"]
            case .flag: return ["| `{{#\(f.name)}}` | 条件 | \(f.help) |"]
            case .chart: return ["| `{{\(f.name)}}` | 图表 | \(f.help) |"]
            case .list(let item):
                return ["| `{{#\(f.name)}}` | 列表 | \(f.help) |"] + markdownRows(item, prefix: name + " › ")
            }
        }
    }
}
