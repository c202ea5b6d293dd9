/// Edits of a package's bookkeeping parts: relationships (`word/_rels/document.xml.rels`) and
/// content types, for the chart parts a filled template gains.
enum PackageRelations {
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relsName(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[..<slash])/_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// Adds relationships (id, type, target relative to the part's folder) to the part's rels.
    static func addRelationships(_ relationships: [(id: String, type: String, target: String)], to part: String,
                                 in package: inout DocxPackage) throws(TemplateError) {
        let name = relsName(of: part)
        let root: XMLElement
        var prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        if let bytes = package[name] {
            let parsed = try parse(bytes, name)
            root = parsed.root
            prolog = parsed.prolog
        } else {
            root = XMLElement("Relationships", attributes: [("xmlns", relationshipsNamespace)])
        }
        for r in relationships {
            root.children.append(.element(XMLElement("Relationship", attributes: [("Id", r.id), ("Type", r.type), ("Target", r.target)])))
        }
        package[name] = XMLWriter.bytes(XMLDocumentPart(prolog: prolog, root: root))
    }

    /// Ids already used in the part's rels.
    static func relationshipIDs(of part: String, in package: DocxPackage) -> Set<String> {
        guard let bytes = package[relsName(of: part)], let parsed = try? MarkupParser.parse(bytes) else { return [] }
        return Set(parsed.root.elements("Relationship").compactMap { $0.attribute("Id") })
    }

    /// Declares the content type of new parts (`/word/charts/chart1.xml`).
    static func addOverrides(_ overrides: [(partName: String, contentType: String)], in package: inout DocxPackage) throws(TemplateError) {
        guard !overrides.isEmpty, let bytes = package["[Content_Types].xml"] else { return }
        let parsed = try parse(bytes, "[Content_Types].xml")
        for o in overrides {
            parsed.root.children.append(.element(XMLElement("Override", attributes: [("PartName", "/" + o.partName),
                                                                                      ("ContentType", o.contentType)])))
        }
        package["[Content_Types].xml"] = XMLWriter.bytes(parsed)
    }

    static func parse(_ bytes: [UInt8], _ name: String) throws(TemplateError) -> XMLDocumentPart {
        do { return try MarkupParser.parse(bytes) } catch {
            throw .malformedPart(part: name, line: error.line, message: error.message)
        }
    }
}
