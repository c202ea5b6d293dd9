import Foundation
import ZIPFoundation

/// The text of a DOCX file: `word/document.xml`'s paragraphs as lines and its tables as one line
/// per row, cells separated by " | " (deleted revisions and field codes left out). One pass over
/// the XML.
enum DocxText {
    static func text(_ data: Data, file: String) throws(IntakeError) -> String {
        let xml: Data
        do {
            let archive = try Archive(data: data, accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw IntakeError(file: file, "是 ZIP 压缩包，但不是 Word 文档（缺少 word/document.xml）：请提供 DOCX、文本或 PDF 文件")
            }
            var collected = Data()
            _ = try archive.extract(entry, skipCRC32: false) { collected.append($0) }
            xml = collected
        } catch let e as IntakeError {
            throw e
        } catch {
            throw IntakeError(file: file, "DOCX 文件已损坏，无法解压（\(error)）：请在 Word/WPS 中重新保存后再导入")
        }
        return paragraphs(String(decoding: xml, as: UTF8.self))
    }

    static func paragraphs(_ xml: String) -> String {
        let s = Array(xml.unicodeScalars)
        var out = String.UnicodeScalarView()
        var cell: String.UnicodeScalarView?
        var rows: [[String]] = []
        var textDepth = 0
        var skipDepth = 0
        var i = 0
        func put(_ c: Unicode.Scalar) {
            if cell != nil { cell!.append(c) } else { out.append(c) }
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                guard let close = s[i...].firstIndex(of: ">") else { break }
                let body = s[(i + 1)..<close]
                i = close + 1
                let closing = body.first == "/"
                let selfClosing = body.last == "/"
                var name = ""
                for u in body.drop(while: { $0 == "/" }) {
                    if u == " " || u == "/" || u == "\t" || u == "\n" { break }
                    name.unicodeScalars.append(u)
                }
                switch name {
                case "w:t": if !selfClosing { textDepth += closing ? -1 : 1 }
                case "w:delText", "w:instrText": if !selfClosing { skipDepth += closing ? -1 : 1 }
                case "w:tab": if skipDepth == 0 { put("\t") }
                case "w:br", "w:cr": if skipDepth == 0 { put(cell != nil ? " " : "\n") }
                case "w:p":
                    if closing || selfClosing {
                        if cell != nil { if let last = cell!.last, last != " " { cell!.append(" ") } } else { out.append("\n") }
                    }
                case "w:tr":
                    if !closing { rows.append([]) } else if let row = rows.popLast() {
                        let line = row.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | ")
                        if !line.isEmpty {
                            if let last = out.last, last != "\n" { out.append("\n") }
                            out.append(contentsOf: (line + " |\n").unicodeScalars)
                        }
                    }
                case "w:tc":
                    if !closing { cell = String.UnicodeScalarView() } else if let done = cell {
                        if !rows.isEmpty { rows[rows.count - 1].append(String(done)) }
                        cell = nil
                    }
                default: break
                }
                textDepth = max(0, textDepth)
                skipDepth = max(0, skipDepth)
                continue
            }
            if textDepth > 0 && skipDepth == 0 {
                if c == "&", let (decoded, next) = HTMLEntities.decode(s, at: i) {
                    for d in decoded.unicodeScalars { put(d) }
                    i = next
                    continue
                }
                put(c)
            }
            i += 1
        }
        return String(out)
    }
}
