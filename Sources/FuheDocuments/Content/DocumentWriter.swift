import Foundation
import FuheFiles

/// Fills a template and writes the document through `OutputFile`.
public enum DocumentWriter {
    public static func write(_ template: DocxTemplate, _ record: TemplateRecord, to url: URL, force: Bool) throws {
        let filled = try template.fill(record)
        try OutputFile.write(to: url, force: force) { temp in try filled.write(to: temp) }
    }
}
