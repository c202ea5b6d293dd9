import Foundation
@testable import FuheDocuments

/// Builds small DOCX templates from body XML (on the bundled styles) and reads filled ones back.
enum TemplateTestSupport {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A package whose `word/document.xml` has this body (paragraphs and tables in `w:` XML).
    static func package(body: String) throws -> DocxPackage {
        var package = try DocxPackage.read(folders: DocumentKind.reviewOpinion.bundledPackageFolders)
        package["word/document.xml"] = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(wordNamespace)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr/></w:body></w:document>
        """.utf8)
        return package
    }

    static func template(body: String) throws -> DocxTemplate {
        try DocxTemplate(package: try package(body: body), name: "test.docx")
    }

    /// The text of each paragraph of the filled body, in order (`w:br` as "\n", `w:tab` as "\t").
    static func paragraphs(_ package: DocxPackage, part: String = "word/document.xml") throws -> [String] {
        let root = try MarkupParser.parse(package[part] ?? []).root
        var out: [String] = []
        func text(_ e: XMLElement) -> String {
            e.children.reduce(into: "") { acc, child in
                switch child {
                case .text(let t): if e.name == "w:t" { acc += t }
                case .element(let c):
                    if c.name == "w:br" { acc += "\n" } else if c.name == "w:tab" { acc += "\t" } else if c.name != "w:p" { acc += text(c) }
                default: break
                }
            }
        }
        func walk(_ e: XMLElement) {
            if e.name == "w:p" { out.append(text(e)) }
            for child in e.children { if case .element(let c) = child { walk(c) } }
        }
        walk(root)
        return out
    }

    /// Rows of the n-th table (1-based) as cell texts.
    static func tableRows(_ package: DocxPackage, table n: Int) throws -> [[String]] {
        let root = try MarkupParser.parse(package["word/document.xml"] ?? []).root
        var tables: [XMLElement] = []
        func walk(_ e: XMLElement) {
            if e.name == "w:tbl" { tables.append(e) }
            for child in e.children { if case .element(let c) = child { walk(c) } }
        }
        walk(root)
        guard n - 1 < tables.count else { return [] }
        func text(_ e: XMLElement) -> String {
            e.children.reduce(into: "") { acc, child in
                if case .text(let t) = child, e.name == "w:t" { acc += t }
                if case .element(let c) = child { acc += text(c) }
            }
        }
        return tables[n - 1].elements("w:tr").map { $0.elements("w:tc").map(text) }
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

    static func record(_ values: [String: TemplateValue]) -> TemplateRecord { TemplateRecord(values) }
}

extension DocumentKind {
    /// The bundled folders of this kind (common first), for tests that build on the styles.
    var bundledPackageFolders: [URL] {
        let root = FuheResources.ResourceFiles.documentsDirectory
        return [root.appendingPathComponent("common"), root.appendingPathComponent(rawValue)]
    }
}

import FuheResources
