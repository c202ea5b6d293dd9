/// Why a template cannot be used or filled. Every message names the place in the template the
/// way a person editing it in Word or WPS finds it: part, paragraph, table/row/column, and the
/// paragraph's text.
public enum TemplateError: Error, Sendable, CustomStringConvertible {
    /// Not a ZIP package, an old binary .doc, a macro document, or no `word/document.xml`.
    case notADocx(String)
    /// A part that is not well-formed XML.
    case malformedPart(part: String, line: Int, message: String)
    case unclosedTag(place: String, text: String)
    case emptyTag(place: String)
    case unknownField(name: String, place: String)
    /// A list used as `{{name}}` instead of a section.
    case listAsField(name: String, place: String)
    case chartInSection(name: String, place: String)
    case closeWithoutOpen(name: String, place: String)
    case sectionNotClosed(name: String, place: String)
    case mismatchedSection(open: String, openPlace: String, close: String, closePlace: String)
    /// Too large or too many parts (a ZIP bomb, or not a document).
    case tooLarge(String)

    public var description: String {
        switch self {
        case .notADocx(let why): return "不是 DOCX 文件：\(why)"
        case .malformedPart(let part, let line, let message): return "\(part) 第\(line)行 XML 格式错误：\(message)"
        case .unclosedTag(let place, let text): return "字段标记“\(text)”缺少“}}”（\(place)）"
        case .emptyTag(let place): return "空的字段标记“{{}}”（\(place)）"
        case .unknownField(let name, let place):
            return "没有名为“\(name)”的字段：{{\(name)}}（\(place)）；可用字段见 fuhe report fields 或 docs/reports.md"
        case .listAsField(let name, let place):
            return "“\(name)”是列表，应写成 {{#\(name)}}…{{/\(name)}}（\(place)）"
        case .chartInSection(let name, let place): return "图表字段“\(name)”不能用作区段 {{#\(name)}}（\(place)）"
        case .closeWithoutOpen(let name, let place): return "{{/\(name)}} 前面没有对应的 {{#\(name)}}（\(place)）"
        case .sectionNotClosed(let name, let place): return "{{#\(name)}} 没有对应的 {{/\(name)}}（\(place)）"
        case .mismatchedSection(let open, let openPlace, let close, let closePlace):
            return "{{#\(open)}}（\(openPlace)）在 {{/\(close)}}（\(closePlace)）处结束，区段应先闭合内层"
        case .tooLarge(let why): return "文件过大：\(why)"
        }
    }
}
