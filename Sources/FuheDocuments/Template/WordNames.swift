/// Qualified WordprocessingML names for the prefix a part binds to the main namespace (Word
/// writes `w:`, but a part may choose another prefix).
struct WordNames {
    static let namespaces = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                             "http://purl.oclc.org/ooxml/wordprocessingml/main"]

    let prefix: String
    let p, r, t, tbl, tr, tc, br, tab, pPr, sectPr, bookmarkStart, bookmarkEnd: String

    init(prefix: String) {
        self.prefix = prefix
        let q = { (local: String) in prefix.isEmpty ? local : "\(prefix):\(local)" }
        p = q("p"); r = q("r"); t = q("t"); tbl = q("tbl"); tr = q("tr"); tc = q("tc"); br = q("br"); tab = q("tab")
        pPr = q("pPr"); sectPr = q("sectPr"); bookmarkStart = q("bookmarkStart"); bookmarkEnd = q("bookmarkEnd")
    }

    /// The names for a part's root, or nil when the part is not WordprocessingML.
    static func of(_ root: XMLElement) -> WordNames? {
        for a in root.attributes where namespaces.contains(a.value) {
            if a.name == "xmlns" { return WordNames(prefix: "") }
            if a.name.hasPrefix("xmlns:") { return WordNames(prefix: String(a.name.dropFirst(6))) }
        }
        return nil
    }

    /// Block containers: where paragraphs and tables are siblings.
    func isBlockContainer(_ e: XMLElement) -> Bool {
        ["body", "tc", "txbxContent", "hdr", "ftr", "sdtContent", "footnote", "endnote", "comment", "docPartBody"]
            .contains(String(e.localName)) && (prefix.isEmpty ? !e.name.contains(":") : e.name.hasPrefix(prefix + ":"))
    }
}
