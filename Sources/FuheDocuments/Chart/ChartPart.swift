import Foundation
import FuheCore

/// The DrawingML parts of a chart: `c:chartSpace` with its values cached inside (Word, WPS and
/// LibreOffice draw from the cache; there is no embedded workbook), and the inline drawing that
/// places it in a run.
enum ChartPart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
    private static let colors = ["5B7DB1", "C0504D", "9BBB59", "8064A2", "F79646"]

    /// The `w:drawing` element for a chart part related as `relationshipID`.
    static func inlineDrawing(relationshipID: String, drawingID: Int, spec: ChartSpec) -> String {
        let cx = spec.widthMM * 36_000, cy = spec.heightMM * 36_000
        return """
        <w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <wp:inline distT="0" distB="0" distL="0" distR="0" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">\
        <wp:extent cx="\(cx)" cy="\(cy)"/><wp:effectExtent l="0" t="0" r="0" b="0"/>\
        <wp:docPr id="\(drawingID)" name="图表 \(drawingID)" descr="\(attr(spec.title))"/><wp:cNvGraphicFramePr/>\
        <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">\
        <a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">\
        <c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="\(attr(relationshipID))"/>\
        </a:graphicData></a:graphic></wp:inline></w:drawing>
        """
    }

    /// The chart part's XML.
    static func chartSpace(_ spec: ChartSpec) -> String {
        let n = spec.categories.count
        let lastRow = n + 1
        var series = ""
        for (s, ser) in spec.series.enumerated() {
            let column = String(UnicodeScalar(UInt8(66 + min(s, 24))))  // B, C, …
            let points = (0..<n).map { i in
                "<c:pt idx=\"\(i)\"><c:v>\(i < ser.values.count ? ExactDecimal.plain(ser.values[i]) : "0")</c:v></c:pt>"
            }.joined()
            series += """
            <c:ser><c:idx val="\(s)"/><c:order val="\(s)"/>\
            <c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val="1"/>\
            <c:pt idx="0"><c:v>\(text(ser.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>\
            <c:spPr><a:solidFill><a:srgbClr val="\(colors[s % colors.count])"/></a:solidFill></c:spPr>\
            <c:invertIfNegative val="0"/>\
            <c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/>\
            <c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>\
            <c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(lastRow)</c:f><c:strCache><c:ptCount val="\(n)"/>\
            \(spec.categories.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(text($0.element))</c:v></c:pt>" }.joined())\
            </c:strCache></c:strRef></c:cat>\
            <c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(lastRow)</c:f><c:numCache><c:formatCode>General</c:formatCode>\
            <c:ptCount val="\(n)"/>\(points)</c:numCache></c:numRef></c:val></c:ser>
            """
        }
        let allValues = spec.series.flatMap(\.values)
        let whole = allValues.allSatisfy { ExactDecimal.round($0, places: 0) == $0 }
        let maximum = allValues.max() ?? 0
        let majorUnit = whole && maximum <= 10 ? "<c:majorUnit val=\"1\"/>" : ""
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>\
        <c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>\(font(size: 1400))</a:pPr>\
        <a:r><a:rPr lang="zh-CN" altLang="en-US" sz="1400" b="0">\(faces)</a:rPr><a:t>\(text(spec.title))</a:t></a:r>\
        </a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>\
        <c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>\
        \(series)<c:gapWidth val="80"/><c:overlap val="-10"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>\
        <c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>\
        <c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>\
        <c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/>\
        <c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>\
        <c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>\
        <c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill>\
        <a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>\
        <c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>\
        <c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/><c:crosses val="autoZero"/>\
        <c:crossBetween val="between"/>\(majorUnit)</c:valAx></c:plotArea>\
        <c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>\
        <c:dispBlanksAs val="gap"/></c:chart>\
        <c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>\(font(size: 1050))</a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>\
        </c:chartSpace>
        """
    }

    private static let faces = "<a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"仿宋_GB2312\"/>"

    private static func font(size: Int) -> String { "<a:defRPr sz=\"\(size)\" b=\"0\">\(faces)</a:defRPr>" }

    private static func text(_ s: String) -> String { XMLText.escaped(s) }

    private static func attr(_ s: String) -> String {
        var out: [UInt8] = []
        XMLText.appendAttribute(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
