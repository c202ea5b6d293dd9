import Foundation

/// The text of a PDF through poppler's `pdftotext -layout` (pages separated by blank lines). A
/// missing `pdftotext`, or a PDF with no text layer (scanned pages), is refused with what to do.
enum PDFText {
    static func text(path: String, file: String) throws(IntakeError) -> String {
        guard let tool = executable("pdftotext") else {
            throw IntakeError(file: file, "读取 PDF 需要 pdftotext，本机未安装：请安装 poppler-utils（apt install poppler-utils），或在 WPS/Word 中把报告另存为文本（.txt）或 DOCX 后再导入")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw IntakeError(file: file, "无法运行 pdftotext（\(error)）：请确认 poppler-utils 已正确安装，或把报告另存为文本后再导入")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = errors.split(separator: "\n").first.map(String.init) ?? "退出码 \(process.terminationStatus)"
            throw IntakeError(file: file, "pdftotext 无法读取此 PDF（\(detail)）：文件可能已损坏或加密，请另存为文本后再导入")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
            throw IntakeError(file: file, "PDF 中没有可读取的文字（可能是扫描的图片）：请先做文字识别（OCR），或向单位索取文字版报告")
        }
        return text
    }

    /// The first executable named `name` on PATH.
    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
