/// A schema as text, for `fuhe report fields` and the field tables of docs/reports.md (a test
/// checks the docs against it).
public enum FieldList {
    /// One field a line; a list's item fields indented under it.
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

    /// A Markdown table: field, kind, content; a list's item fields follow it, marked "↳".
    public static func markdownTable(_ schema: FieldSchema) -> String {
        var lines = ["| 字段 | 类型 | 内容 |", "|---|---|---|"]
        func add(_ schema: FieldSchema, list: String?) {
            for f in schema.fields {
                let lead = list == nil ? "" : "↳ "
                let scope = list.map { "（\($0)的每项）" } ?? ""
                switch f.kind {
                case .text: lines.append("| \(lead)`{{\(f.name)}}` | 文本\(scope) | \(f.help) |")
                case .flag: lines.append("| \(lead)`{{#\(f.name)}}…{{/\(f.name)}}` | 条件\(scope) | \(f.help) |")
                case .chart: lines.append("| \(lead)`{{\(f.name)}}` | 图表\(scope) | \(f.help) |")
                case .list(let item):
                    lines.append("| \(lead)`{{#\(f.name)}}…{{/\(f.name)}}` | 列表\(scope) | \(f.help) |")
                    add(item, list: f.name)
                }
            }
        }
        add(schema, list: nil)
        return lines.joined(separator: "\n") + "\n"
    }
}
