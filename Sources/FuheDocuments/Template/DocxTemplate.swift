import Foundation

/// A DOCX template: a Word/WPS document with fields (`{{单位名称}}`), sections that repeat table
/// rows or paragraphs for lists (`{{#评分表}}…{{/评分表}}`) or keep them on a condition, and
/// chart fields. The bundled documents are such templates, and so is a bureau's own file: there
/// is one way to make a document. Compiled once, filled any number of times.
///
/// ```swift
/// let template = try DocxTemplate(package: try DocxPackage.read(docx: url), name: "意见书模板.docx")
/// try template.validate(DocumentKind.reviewOpinion.schema)
/// let filled = try template.fill(record)
/// ```
public final class DocxTemplate {
    /// For messages: the file name, or the bundled template's name.
    public let name: String
    private let package: DocxPackage
    private var parts: [(name: String, part: XMLDocumentPart, names: WordNames)] = []

    public init(package: DocxPackage, name: String) throws(TemplateError) {
        self.name = name
        self.package = package
        for partName in package.names where Self.isTemplatePart(partName) {
            guard let bytes = package[partName] else { continue }
            let parsed = try PackageRelations.parse(bytes, partName)
            guard let names = WordNames.of(parsed.root) else { continue }
            var scanner = TagScanner(names: names, partLabel: Self.label(of: partName))
            try scanner.scan(parsed.root)
            try SectionBuilder(names: names).build(parsed.root)
            parts.append((partName, parsed, names))
        }
    }

    /// Parts that may hold fields: the body, headers, footers, foot- and endnotes.
    static func isTemplatePart(_ name: String) -> Bool {
        guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.dropFirst(5).contains("/") else { return false }
        let file = name.dropFirst(5)
        return file == "document.xml" || file.hasPrefix("header") || file.hasPrefix("footer")
            || file == "footnotes.xml" || file == "endnotes.xml"
    }

    /// How a person editing the document names the part.
    static func label(of part: String) -> String {
        let file = String(part.dropFirst(5))
        if file == "document.xml" { return "正文" }
        if file.hasPrefix("header") { return "页眉（\(file)）" }
        if file.hasPrefix("footer") { return "页脚（\(file)）" }
        if file == "footnotes.xml" { return "脚注" }
        return "尾注"
    }

    /// Checks every field and section of the template against the document's fields.
    public func validate(_ schema: FieldSchema) throws(TemplateError) {
        for p in parts { try TemplateValidator.validate(p.part.root, schema) }
    }

    /// The filled document. Validate first: fields missing from `data` are left blank.
    public func fill(_ data: TemplateRecord) throws(TemplateError) -> DocxPackage {
        var out = package
        var drawingID = 1
        let charts = ChartRegistry(taken: Set(package.names))
        for p in parts {
            charts.startPart(usedIDs: PackageRelations.relationshipIDs(of: p.name, in: package))
            var renderer = TemplateRenderer(names: p.names, firstDrawingID: drawingID, addChart: charts.add)
            out[p.name] = renderer.render(p.part, data)
            drawingID = renderer.nextDrawingID
            if !charts.relationships.isEmpty {
                // Chart targets are relative to the part's folder; template parts all sit in word/.
                try PackageRelations.addRelationships(charts.relationships, to: p.name, in: &out)
            }
        }
        for chart in charts.parts { out[chart.name] = Array(ChartPart.chartSpace(chart.spec).utf8) }
        try PackageRelations.addOverrides(charts.parts.map { ($0.name, ChartPart.contentType) }, in: &out)
        return out
    }
}

/// Names the chart parts a fill adds and the relationships that point at them.
private final class ChartRegistry {
    private var taken: Set<String>
    private var used: Set<String> = []
    private var next = 1
    private(set) var parts: [(name: String, spec: ChartSpec)] = []
    /// Relationships of the part being rendered.
    private(set) var relationships: [(id: String, type: String, target: String)] = []

    init(taken: Set<String>) { self.taken = taken }

    func startPart(usedIDs: Set<String>) {
        used = usedIDs
        relationships = []
    }

    func add(_ spec: ChartSpec) -> String {
        while taken.contains("word/charts/chart\(next).xml") { next += 1 }
        let file = "chart\(next).xml"
        taken.insert("word/charts/" + file)
        var rid = "rIdFuheChart\(next)"
        while used.contains(rid) { rid += "x" }
        used.insert(rid)
        parts.append(("word/charts/" + file, spec))
        relationships.append((rid, ChartPart.relationshipType, "charts/" + file))
        return rid
    }
}
