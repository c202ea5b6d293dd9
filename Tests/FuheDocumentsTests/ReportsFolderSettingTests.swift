import Foundation
import Testing
import FuheApp
import FuheDocuments
import FuheTestSupport

/// Where the workstation's `D` writes: `--reports-dir`, `$FUHE_REPORTS_DIR`, settings.conf, the
/// documents folder, the working directory — and the settings file's refusals.
@Suite struct ReportsFolderSettingTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theOptionWinsThenTheEnvironmentThenTheSettingThenTheDocumentsFolder() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let documents = home.appendingPathComponent("文档")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        func resolve(_ option: String?, _ saved: String?, _ env: [String: String]) -> String {
            ReportFolder.resolve(configured: option, saved: saved, environment: ["HOME": home.path].merging(env) { $1 }, currentDirectory: "/cwd").path
        }
        let everything = ["FUHE_REPORTS_DIR": "/env", "XDG_DOCUMENTS_DIR": documents.path]
        #expect(resolve("/option", "/saved", everything) == "/option")
        #expect(resolve(nil, "/saved", everything) == "/env")
        #expect(resolve(nil, "~/复核文书", ["XDG_DOCUMENTS_DIR": documents.path]) == home.path + "/复核文书")
        #expect(resolve(nil, nil, ["XDG_DOCUMENTS_DIR": documents.path]) == documents.path)
        #expect(resolve(nil, nil, ["FUHE_REPORTS_DIR": ""]) == "/cwd", "an empty variable is no setting")
    }

    @Test func theSettingsFileIsReadFromTheConfigFolder() throws {
        let config = try scratch()
        defer { try? FileManager.default.removeItem(at: config) }
        let env = ["XDG_CONFIG_HOME": config.path, "HOME": "/nonexistent"]
        #expect(UserSettings.path(environment: env) == config.path + "/fuhe/settings.conf")
        #expect(UserSettings.path(environment: ["HOME": "/home/王某"]) == "/home/王某/.config/fuhe/settings.conf")
        #expect(try UserSettings.load(environment: env) == UserSettings(), "no file: no settings")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("fuhe"), withIntermediateDirectories: true)
        try "# 文书\n\n  reports-dir =  /srv/复核 文书  \n".write(to: config.appendingPathComponent("fuhe/settings.conf"), atomically: true, encoding: .utf8)
        #expect(try UserSettings.load(environment: env).reportsDir == "/srv/复核 文书")
    }

    @Test func aWrongSettingsFileIsRefusedWithItsLine() {
        func refusal(_ text: String) -> String {
            do { _ = try UserSettings.parse(text, file: "settings.conf"); return "accepted" } catch { return "\(error)" }
        }
        #expect(refusal("reports-dir = /a\nreport-dir = /b\n").hasPrefix("settings.conf 第 2 行：没有名为“report-dir”的设置（可用：reports-dir："))
        #expect(refusal("# x\nreports-dir /a") == "settings.conf 第 2 行：应为“名称 = 值”，却是“reports-dir /a”")
        #expect(refusal("reports-dir = /a\nreports-dir = /b") == "settings.conf 第 2 行：“reports-dir”已在第 1 行设置过")
        #expect(refusal("reports-dir = /a\u{1B}[2J") == "settings.conf 第 1 行：“reports-dir”的值含有控制字符")
        #expect(refusal("\u{1B}]0;x = 1").contains("␛]0;x"), "control characters are shown as pictures")
        #expect((try? UserSettings.parse("reports-dir =\n", file: "f"))?.reportsDir == nil, "an empty value unsets")
    }

    @Test func aLaterDocumentsFailureKeepsTheEarlierFileAndSaysSo() throws {
        let store = try TempStore()
        defer { store.remove() }
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notDocx = folder.appendingPathComponent("通知模板.docx")
        try Data("不是 DOCX".utf8).write(to: notDocx)
        let writer = ReportWriter(store: store.store, folder: folder, templateFiles: [.rectificationNotice: notDocx])
        do {
            _ = try writer.writeUnitDocumentFiles(dossierID: "SE-1")
            Issue.record("the notice's bad template was not refused")
        } catch let incomplete as UnitDocumentsIncomplete {
            #expect(incomplete.written.map(\.kind) == [.reviewOpinion])
            #expect(incomplete.failed == .rectificationNotice)
            #expect(incomplete.description.contains("整改通知书未写出："))
            #expect(FileManager.default.fileExists(atPath: incomplete.written[0].url.path))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["益阳市赫山区政务服务中心2021年度复核意见书.docx", "通知模板.docx"], "no temporary file is left")
    }
}
