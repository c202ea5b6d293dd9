import Foundation
import Synchronization

/// Opens generated documents in real readers: LibreOffice (`soffice --headless --convert-to`) and
/// poppler (`pdftotext`, `pdfinfo`, `pdffonts`, `pdftoppm`). One private LibreOffice profile per
/// test process (under /tmp, removed at exit); conversions are serialised and batched, because
/// LibreOffice is slow to start and one profile serves one instance at a time. A missing tool
/// throws — a test that needs it fails, it is never skipped.
public enum OfficeReader {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    private static let lock = Mutex<Bool>(false)
    private static let profile = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-lo-profile-\(getpid())")

    /// Converts every file with one LibreOffice run; `filter` is "pdf" or a full filter such as
    /// the CSV one below. Returns the output folder.
    @discardableResult
    public static func convert(_ files: [URL], to filter: String, outdir: URL) throws -> URL {
        let soffice = try tool("soffice", package: "libreoffice-writer-nogui libreoffice-calc-nogui")
        try FileManager.default.createDirectory(at: outdir, withIntermediateDirectories: true)
        return try lock.withLock { registered in
            if !registered {
                registered = true
                atexit { try? FileManager.default.removeItem(at: OfficeReader.profileURL) }
            }
            // LibreOffice answers 0 even when a file was not converted (the first conversion with a
            // new profile on a busy machine sometimes is not): convert what is missing once more,
            // then fail with what it said.
            var missing = files
            var said = ""
            for _ in 0..<2 where !missing.isEmpty {
                let result = try run(soffice, ["-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
                                               "--convert-to", filter, "--outdir", outdir.path] + missing.map(\.path), timeout: 300)
                said += result.output
                guard result.status == 0 else { throw Missing(description: "soffice failed (\(result.status)): \(result.output)") }
                missing = missing.filter { !converted($0, filter: filter, in: outdir) }
            }
            guard missing.isEmpty else {
                throw Missing(description: "soffice did not convert \(missing.map(\.lastPathComponent).joined(separator: ", ")): \(said)")
            }
            return outdir
        }
    }

    static var profileURL: URL { profile }

    /// Whether `file` has its output in `outdir` (`name.pdf`, or `name-SHEET.csv` for the CSV filter).
    private static func converted(_ file: URL, filter: String, in outdir: URL) -> Bool {
        let stem = file.deletingPathExtension().lastPathComponent
        let ext = String(filter.prefix { $0 != ":" })
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outdir.path)) ?? []
        return names.contains { $0 == "\(stem).\(ext)" || ($0.hasPrefix(stem + "-") && $0.hasSuffix("." + ext)) }
    }

    /// LibreOffice's CSV export of every sheet of a workbook (UTF-8, comma, quoted text, cell
    /// contents as shown, one file per sheet: NAME-SHEET.csv).
    public static let csvAllSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"

    /// How pdftotext orders the text: `raw` as the PDF draws it (LibreOffice draws a table cell by
    /// cell, row by row), `layout` as the page shows it (columns side by side).
    public enum TextOrder: Sendable { case raw, layout }

    /// The text of a PDF.
    public static func pdfText(_ pdf: URL, order: TextOrder = .raw) throws -> String {
        let tool = try tool("pdftotext", package: "poppler-utils")
        let r = try run(tool, [order == .raw ? "-raw" : "-layout", "-enc", "UTF-8", pdf.path, "-"], timeout: 60)
        guard r.status == 0 else { throw Missing(description: "pdftotext failed: \(r.output)") }
        return r.output
    }

    /// Page count (`pdfinfo`).
    public static func pageCount(_ pdf: URL) throws -> Int {
        let r = try run(try tool("pdfinfo", package: "poppler-utils"), [pdf.path], timeout: 60)
        let line = r.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
    }

    /// The fonts embedded in a PDF (`pdffonts`), one name a line.
    public static func fonts(_ pdf: URL) throws -> [String] {
        let r = try run(try tool("pdffonts", package: "poppler-utils"), [pdf.path], timeout: 60)
        return r.output.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    /// Renders pages to PNG (`pdftoppm -r DPI -png`), returning the files written.
    @discardableResult
    public static func renderPages(_ pdf: URL, prefix: URL, dpi: Int = 60) throws -> [URL] {
        let r = try run(try tool("pdftoppm", package: "poppler-utils"), ["-r", String(dpi), "-png", pdf.path, prefix.path], timeout: 120)
        guard r.status == 0 else { throw Missing(description: "pdftoppm failed: \(r.output)") }
        let folder = prefix.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix.lastPathComponent + "-") && $0.hasSuffix(".png") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// The tool's path on `PATH`, or a failure saying which Debian package provides it.
    public static func tool(_ name: String, package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(description: "\(name) is not installed (Debian: apt-get install \(package)); document tests need it")
    }

    private static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
