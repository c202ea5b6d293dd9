import Foundation
import FuheFiles
import Testing
import FuheApp
import FuheCore
import FuheDocuments
import FuheTestSupport

/// The API the workstation's "write documents" key calls, the reports folder setting, and safe
/// output files.
@Suite struct ReportWriterTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func names(_ folder: URL) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() }

    @Test func unitDocumentsGoToTheFolderUnderTheirNamesAndNeverReplaceAFile() throws {
        let store = try TempStore()
        defer { store.remove() }
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = ReportWriter(store: store.store, folder: folder)
        let first = try writer.writeUnitDocuments(dossierID: "SE-1")
        #expect(first.map(\.lastPathComponent) == ["益阳市赫山区政务服务中心2021年度复核意见书.docx", "益阳市赫山区政务服务中心2021年度整改通知书.docx"])
        let second = try writer.writeUnitDocuments(dossierID: "SE-1")
        #expect(second.map(\.lastPathComponent) == ["益阳市赫山区政务服务中心2021年度复核意见书（2）.docx",
                                                     "益阳市赫山区政务服务中心2021年度整改通知书（2）.docx"])
        #expect(names(folder).count == 4)
        let opinion = try DocxPackage.read(docx: first[0])
        #expect(String(decoding: opinion["word/document.xml"] ?? [], as: UTF8.self).contains("在职人员控制率"))
    }

    @Test func aUnitWithoutOpenItemsGetsNoNotice() throws {
        let store = try TempStore(loadFixture: false)
        defer { store.remove() }
        var dossier = try Fixture.decode(Fixture.dossierJSON).dossiers[0]
        dossier.items = []
        try store.store.importDossiers([dossier], actor: "测试")
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = ReportWriter(store: store.store, folder: folder)
        #expect(try writer.writeUnitDocuments(dossierID: "SE-1").map(\.lastPathComponent) == ["益阳市赫山区政务服务中心2021年度复核意见书.docx"])
        #expect { try writer.write(.rectificationNotice, dossierID: "SE-1", to: folder.appendingPathComponent("n.docx"), force: false) }
            throws: { "\($0)".contains("没有待整改的事项") }
        #expect(names(folder) == ["益阳市赫山区政务服务中心2021年度复核意见书.docx"])
    }

    @Test func reportsFolderIsTheSettingElseTheDocumentsFolderElseTheWorkingDirectory() throws {
        let home = try scratch()
        defer { try? FileManager.default.removeItem(at: home) }
        let documents = home.appendingPathComponent("文档")
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        let cwd = "/work/somewhere"
        func resolve(_ configured: String?, _ env: [String: String]) -> String {
            ReportFolder.resolve(configured: configured, environment: ["HOME": home.path].merging(env) { $1 }, currentDirectory: cwd).path
        }
        #expect(resolve("~/报告", ["FUHE_REPORTS_DIR": "/x"]) == home.path + "/报告")
        #expect(resolve(nil, ["FUHE_REPORTS_DIR": "/srv/复核文书", "XDG_DOCUMENTS_DIR": documents.path]) == "/srv/复核文书")
        #expect(resolve(nil, ["XDG_DOCUMENTS_DIR": documents.path]) == documents.path)
        // A documents folder that does not exist is not used.
        #expect(resolve(nil, ["XDG_DOCUMENTS_DIR": home.path + "/没有"]) == cwd)
        // user-dirs.dirs, as xdg-user-dirs writes it.
        let config = home.appendingPathComponent(".config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/文档\"\n"
            .write(to: config.appendingPathComponent("user-dirs.dirs"), atomically: true, encoding: .utf8)
        #expect(resolve(nil, [:]) == documents.path)
        #expect(resolve(nil, ["XDG_CONFIG_HOME": home.path + "/elsewhere"]) == cwd)
    }

    @Test func safeOutputRefusesReplacesOnlyWithForceAndLeavesNothingOnFailure() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("a.docx")
        try OutputFile.write(to: target, force: false) { try Data("一".utf8).write(to: $0) }
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect { try OutputFile.write(to: target, force: false) { try Data("二".utf8).write(to: $0) } } throws: { "\($0)".contains("已存在") }
        #expect(try String(contentsOf: target, encoding: .utf8) == "一")
        struct Boom: Error {}
        #expect(throws: Boom.self) { try OutputFile.write(to: target, force: true) { _ in throw Boom() } }
        #expect(try String(contentsOf: target, encoding: .utf8) == "一")
        try OutputFile.write(to: target, force: true) { try Data("三".utf8).write(to: $0) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "三")
        #expect(names(folder) == ["a.docx"])
        #expect { try OutputFile.write(to: folder.appendingPathComponent("无/b.docx"), force: false) { _ in } } throws: { "\($0)".contains("不存在") }
        #expect { try OutputFile.write(to: folder, force: true) { _ in } } throws: { "\($0)".contains("文件夹") }
    }
}
