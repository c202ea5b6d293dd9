import Foundation
import Testing
import FuheTestSupport
import TermCore

/// `D` in the real `fuhe` binary in tmux at 80×24: 赫山's 意见书 and 整改通知书 land in the
/// reports folder with mode 0600, the screen says where, and LibreOffice opens both.
@Suite(.serialized) struct DocumentsKeyEndToEndTests {
    let directory: URL
    let store: String
    let fuhe: String
    static let heshan = "益阳市赫山区政务服务中心"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-e2e-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("review.sqlite").path
        fuhe = try #require(BuiltProducts.executable("fuhe")).path
        #expect(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)
    }

    /// The workstation at 80×24 with a private home and config folder; no reports folder set in
    /// the environment unless `env` sets one.
    func session(_ arguments: String = "", env: [String: String]) throws -> TmuxSession {
        #expect(TmuxSession.isAvailable, "tmux is not installed (Debian: apt-get install tmux)")
        let command = "\(fuhe) --store \(TmuxSession.shellQuote(store)) --as 王某 \(arguments)"
        let base = ["HOME": directory.path, "XDG_CONFIG_HOME": directory.appendingPathComponent("config").path, "FUHE_REPORTS_DIR": "",
                    "XDG_DOCUMENTS_DIR": "", "SWIFT_BACKTRACE": "enable=no"]
        let s = try TmuxSession(command: command, width: 80, height: 24, environment: base.merging(env) { $1 })
        _ = try s.waitFor(text: "退出")
        return s
    }

    /// The text inside the box (between its borders), lines joined without spaces, so a path
    /// wrapped over lines reads whole.
    func boxText(_ screen: [String]) -> String {
        screen.compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            return String(line[line.index(after: first)..<last])
        }.joined().filter { !$0.isWhitespace }
    }

    func files(in folder: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    @Test func theKeyWritesHeshansDocumentsToTheDocumentsFolderAndLibreOfficeOpensThem() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        // The default: the user's documents folder.
        let documents = directory.appendingPathComponent("文档")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let tmux = try session(env: ["XDG_DOCUMENTS_DIR": documents.path])
        defer { tmux.kill() }
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter", "Enter")
        _ = try tmux.waitFor(text: "评分表 赫山区政务服务中心")
        try tmux.sendKeys("D")
        let screen = try tmux.waitFor(text: "已写出文书")
        let opinion = "\(Self.heshan)2021年度复核意见书.docx", notice = "\(Self.heshan)2021年度整改通知书.docx"
        #expect(screen.contains { $0.contains("✓ 复核意见书  " + opinion) }, "\(screen.joined(separator: "\n"))")
        #expect(screen.contains { $0.contains("✓ 整改通知书  " + notice) })
        #expect(boxText(screen).contains("文件夹" + documents.path + "✓复核意见书"), "\(screen.joined(separator: "\n"))")
        #expect(screen.last?.contains("已写出 2 份文书到") == true)
        #expect(screen.allSatisfy { DisplayWidth.of($0.trimmingCharacters(in: .whitespaces)) <= 80 })
        try tmux.sendKeys("Escape")
        _ = try tmux.waitFor("the box closed") { lines in !lines.contains { $0.contains("已写出文书") } }
        try tmux.sendKeys("q")

        #expect(files(in: documents) == [opinion, notice].sorted())
        let written = [opinion, notice].map { documents.appendingPathComponent($0) }
        for url in written {
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(url.lastPathComponent)")
        }
        let pdfs = directory.appendingPathComponent("pdf")
        try OfficeReader.convert(written, to: "pdf", outdir: pdfs)
        for (url, title) in zip(written, ["复核意见", "整改通知"]) {
            let text = try OfficeReader.pdfText(pdfs.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".pdf"))
            let joined = text.filter { !$0.isWhitespace }
            #expect(joined.contains(Self.heshan), "\(url.lastPathComponent)")
            #expect(joined.contains(title), "\(url.lastPathComponent)")
        }
    }

    @Test func reportsDirOverridesTheSettingsFileAndIsMadeWhenMissing() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("config/fuhe")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let saved = directory.appendingPathComponent("设置的文件夹")
        try "# 复核文书\nreports-dir = \(saved.path)\n".write(to: config.appendingPathComponent("settings.conf"), atomically: true, encoding: .utf8)
        let chosen = directory.appendingPathComponent("复核文书")
        let tmux = try session("--reports-dir \(TmuxSession.shellQuote(chosen.path))", env: [:])
        defer { tmux.kill() }
        // In the unit list D writes the selected unit's documents.
        try tmux.sendLiteral("/heshan")
        try tmux.sendKeys("Enter")
        try tmux.sendKeys("D")
        let screen = try tmux.waitFor(text: "已写出文书")
        #expect(boxText(screen).contains("文件夹" + chosen.path + "（新建）"), "\(screen.joined(separator: "\n"))")
        try tmux.sendKeys("Escape", "q")
        #expect(files(in: chosen).count == 2)
        #expect(!FileManager.default.fileExists(atPath: saved.path))
    }
}
