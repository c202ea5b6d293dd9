import Foundation
import FuheDocuments

/// DOCX templates as a bureau's own Word/WPS files look inside: their own styles, a header with a
/// field, revision ids on every run, and every field split across runs with spelling marks and a
/// bookmark in between — what Word writes after a person types `{{单位名称}}` and edits around
/// it. Used to show the same documents come out of a bureau's template (`--template`).
public enum BureauTemplates {
    /// Writes the bureau's template for a document kind to `url` (a .docx).
    public static func write(_ kind: DocumentKind, to url: URL) throws {
        var package = try DocumentKind.reviewOpinion.bundledPackage()
        for name in package.names where name.hasPrefix("word/") && name != "word/fontTable.xml" && name != "word/settings.xml" {
            package[name] = nil
        }
        package["[Content_Types].xml"] = Array(contentTypes.utf8)
        package["word/_rels/document.xml.rels"] = Array(documentRels.utf8)
        package["word/styles.xml"] = Array(styles.utf8)
        package["word/header1.xml"] = Array(header(kind).utf8)
        package["word/document.xml"] = Array(document(body(kind)).utf8)
        try package.write(to: url)
    }

    /// Text as Word stores it: runs of 1–4 characters with revision ids, spelling marks between
    /// some of them, so `{{单位名称}}` never sits in one run.
    static func runs(_ text: String, bold: Bool = false) -> String {
        let chars = Array(text)
        var out = "", i = 0, n = 0
        let sizes = [2, 3, 1, 4]
        while i < chars.count {
            let size = min(sizes[n % sizes.count], chars.count - i)
            let piece = String(chars[i..<(i + size)]).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let rPr = "<w:rPr><w:rFonts w:hint=\"eastAsia\"/>\(bold ? "<w:b/>" : "")</w:rPr>"
            out += "<w:r w:rsidR=\"00\(String(format: "%06X", 0x3A10 + n))\">\(rPr)<w:t xml:space=\"preserve\">\(piece)</w:t></w:r>"
            if n % 3 == 1 { out += "<w:proofErr w:type=\"spellStart\"/>" }
            if n % 3 == 2 { out += "<w:proofErr w:type=\"spellEnd\"/>" }
            i += size
            n += 1
        }
        return out
    }

    static func p(_ text: String, style: String? = nil, bold: Bool = false) -> String {
        let ppr = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p w:rsidR=\"00C1D2E3\" w:rsidRDefault=\"00C1D2E3\">\(ppr)\(runs(text, bold: bold))</w:p>"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let tc = { (text: String, bold: Bool) in "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>\(p(text, style: "a3", bold: bold))</w:tc>" }
        let head = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + header.map { tc($0, true) }.joined() + "</w:tr>"
        let body = rows.map { "<w:tr>" + $0.map { tc($0, false) }.joined() + "</w:tr>" }.joined()
        return """
        <w:tbl><w:tblPr><w:tblStyle w:val="a4"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>\
        <w:tblGrid>\(header.map { _ in "<w:gridCol w:w=\"1400\"/>" }.joined())</w:tblGrid>\(head)\(body)</w:tbl>
        """
    }

    static func body(_ kind: DocumentKind) -> String {
        switch kind {
        case .reviewOpinion:
            return p("{{年度}}年度绩效自评复核意见书", style: "a5")
                + "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>\(runs("被评价单位：{{单位名称}}"))</w:p>"
                + p("自评总分：{{自评总分}}；复核总分：{{复核总分}}（{{复核等次}}）；差异：{{总分差异}}。")
                + p("{{结论摘要}}")
                + table(["编码", "指标", "分值", "自评", "复核", "扣分原因"],
                        [["{{#评分表}}{{指标编码}}", "{{缩进}}{{指标名称}}", "{{分值}}", "{{自评得分}}", "{{复核得分}}", "{{扣分原因}}{{/评分表}}"]])
                + p("{{#发现问题}}问题{{序号}}：{{问题描述}}（{{问题类别}}）") + p("{{/发现问题}}")
                + p("{{#有整改事项}}整改要求：", bold: true)
                + p("{{#整改事项}}{{序号}}、{{整改措施}}（{{责任单位}}，{{整改时限中文}}前完成）") + p("{{/整改事项}}")
                + p("{{/有整改事项}}")
                + p("复核组长：{{复核组长}}　　单位：{{复核组织单位}}")
        case .rectificationNotice:
            return p("整改通知（{{单位简称}}）", style: "a5") + p("{{单位名称}}：")
                + p("请对以下{{整改事项数}}项问题于{{最早整改时限}}起按期整改，整改情况报{{报送对象}}。")
                + table(["序号", "整改措施", "责任人", "时限", "销号材料"],
                        [["{{#整改事项}}{{序号}}", "{{整改措施}}", "{{责任人}}", "{{整改时限}}", "{{销号佐证}}{{/整改事项}}"]])
                + p("{{#有逾期事项}}其中{{逾期事项数}}项已逾期。") + p("{{/有逾期事项}}")
        case .cycleReport:
            return p("{{年度}}年度复核结果通报", style: "a5") + p("共复核{{单位数}}个单位，整改完成率{{整改完成率}}。")
                + p("{{等次分布图}}")
                + table(["序号", "单位", "自评", "复核", "差异"],
                        [["{{#汇总表}}{{序号}}", "{{单位名称}}", "{{自评得分}}", "{{复核得分}}", "{{差异}}{{/汇总表}}"]])
                + p("{{#有问题}}发现问题{{问题总数}}个。") + p("{{/有问题}}")
        }
    }

    static func header(_ kind: DocumentKind) -> String {
        let text = kind == .cycleReport ? "复核结果通报（{{复核组织单位}}）" : "{{单位名称}}　{{年度}}年度"
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\(p(text))</w:hdr>
        """
    }

    static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>\(body)\
        <w:sectPr w:rsidR="00C1D2E3"><w:headerReference w:type="default" r:id="rId8"/><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>\
        </w:body></w:document>
        """
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
    <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
    <Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
    </Types>
    """

    static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>\
    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>\
    <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>\
    </Relationships>
    """

    /// Styles as a Chinese Word names them: ids "a", "a3" …, names 正文, 表格文字, 标题.
    static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/>\
    <w:kern w:val="2"/><w:sz w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:style>\
    <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="表格文字"/><w:basedOn w:val="a"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
    <w:style w:type="table" w:styleId="a4"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>\
    <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
    <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>\
    </w:tblBorders></w:tblPr></w:style>\
    <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr>\
    <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="36"/></w:rPr></w:style></w:styles>
    """
}
