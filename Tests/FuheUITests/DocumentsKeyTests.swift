import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// `D` (`report.write`): the effect it asks for, what the screen says about the files written
/// (status line or box, at 80×24 and 160×48), a failure explained, and the real writer over the
/// sample store and the demo's sandbox.
@Suite(.serialized) struct DocumentsKeyTests {
    typealias NoStore = UpdateWithoutStoreTests
    static let heshanName = "益阳市赫山区政务服务中心"
    static let folder = "/home/王某/文档/复核文书"

    /// A folder chosen on the command line, as the workstation describes it.
    static let place = DocumentsPlace.reports(option: folder, settings: UserSettings(), environment: ["HOME": "/home/王某"])

    /// Two files as the writer reports them for 赫山.
    static func twoFiles(folder: String = folder) -> WrittenDocuments {
        WrittenDocuments(folder: folder, files: [
            .init(title: "复核意见书", path: folder + "/\(heshanName)2021年度复核意见书.docx"),
            .init(title: "整改通知书", path: folder + "/\(heshanName)2021年度整改通知书.docx"),
        ])
    }

    /// Answers `writeDocuments` with what it was given, and remembers what it was asked.
    final class ScriptedWriter: DocumentWriting {
        var asked: [String] = []
        let answer: Result<WrittenDocuments, EffectFailure>
        let place: DocumentsPlace
        init(_ answer: Result<WrittenDocuments, EffectFailure>, place: DocumentsPlace = DocumentsKeyTests.place) {
            self.answer = answer
            self.place = place
        }
        func writeUnitDocuments(dossierID: String) throws -> WrittenDocuments {
            asked.append(dossierID)
            return try answer.get()
        }
    }

    @Test func theKeyAsksToWriteTheOpenUnitsDocuments() throws {
        let w = try NoStore.workstation()
        NoStore.openSheet(w)
        w.press(.character("D"))
        guard case .writeDocuments(let request)? = w.pending.first, w.pending.count == 1 else { Issue.record("\(w.pending)"); return }
        #expect(request.dossierID == NoStore.heshan)
        #expect(request.unitName.contains("赫山"))
        #expect(request.unreviewed == "0/\(w.state.scored?.scorableLeafCount ?? -1)", "nothing is reviewed yet: the 意见书 is a draft")
        w.clearPending()
        // The items pane writes the open unit's too.
        w.press(.tab)
        #expect(w.state.focus == .items)
        w.press(.character("D"))
        guard case .writeDocuments(let again)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(again.dossierID == NoStore.heshan)
    }

    @Test func inTheUnitListTheSelectedUnitIsWritten() throws {
        let w = try NoStore.workstation()
        #expect(w.state.focus == .units)
        w.press(.character("j"))
        let selected = try #require(w.state.selectedUnit)
        #expect(selected.dossierID != w.state.dossier?.id, "the cursor is on another unit than the open one")
        w.press(.character("D"))
        guard case .writeDocuments(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(request.dossierID == selected.dossierID && request.unitName == selected.unitName)
    }

    @Test func withoutAUnitTheKeySaysWhatToDoFirst() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let w = s.workstation()
        w.press(.character("D"))
        #expect(w.state.message == "先选择一个单位，再按 D 写出它的文书")
        #expect(w.state.overlay == nil)
    }

    @Test func twoFilesAreListedInABoxAndTheStatusLineNamesTheFolder() throws {
        let w = try NoStore.workstation()
        NoStore.openSheet(w)
        w.press(.character("D"))
        guard case .writeDocuments(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        w.clearPending()
        w.receive(.documentsWritten(request, Self.twoFiles()))
        let view = try #require(w.state.overlay as? DocumentsView)
        #expect(view.title == "已写出文书 · \(request.unitName)")
        let screen = w.screenText
        #expect(screen.contains("文件夹 \(Self.folder)"))
        #expect(screen.contains("✓ 复核意见书  \(Self.heshanName)2021年度复核意见书.docx"))
        #expect(screen.contains("✓ 整改通知书  \(Self.heshanName)2021年度整改通知书.docx"))
        #expect(screen.contains("复核未完成（已复核 0/"))
        #expect(w.state.message == "已写出 2 份文书到 \(Self.folder)" && !w.state.messageIsError)
        w.press(.escape)
        #expect(w.state.overlay == nil)
    }

    @Test func oneFileWhosePathFitsGoesOnTheStatusLineOnly() throws {
        let w = try NoStore.workstation(width: 160, height: 48)
        NoStore.openSheet(w)
        w.press(.character("D"))
        guard case .writeDocuments(var request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        request.unreviewed = nil
        let path = "/home/王某/文档/\(Self.heshanName)2021年度复核意见书.docx"
        let one = WrittenDocuments(folder: "/home/王某/文档", files: [.init(title: "复核意见书", path: path)])
        w.receive(.documentsWritten(request, one))
        #expect(w.state.overlay == nil)
        #expect(w.state.message == "已写出复核意见书：\(path)")
        #expect(w.screenText.split(separator: "\n").last?.contains("已写出复核意见书：/home/王某/文档/") == true)
        // At 80 columns (81 wide) it does not fit: the box says it.
        w.press(.resize(width: 80, height: 24))
        w.receive(.documentsWritten(request, one))
        #expect(w.state.overlay is DocumentsView)
        #expect(w.state.message == "已写出 1 份文书到 /home/王某/文档")
    }

    @Test func aFailureIsExplainedWithWhereTheFolderIsSet() throws {
        let w = try NoStore.workstation()
        w.useDocuments(ScriptedWriter(.success(Self.twoFiles())))
        NoStore.openSheet(w)
        w.press(.character("D"))
        guard case .writeDocuments(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        w.clearPending()
        let reason = "无法写入 \(Self.folder)：没有写入权限（Permission denied）；未写入任何文件"
        w.receive(.failed(.writeDocuments(request), EffectFailure(reason)))
        #expect(w.state.messageIsError && w.state.message == "未写出文书：\(reason)")
        let view = try #require(w.state.overlay as? DocumentsView)
        #expect(view.title.hasPrefix("未写出文书"))
        #expect(view.lines.map(\.text) == [
            reason, "文书文件夹 \(Self.folder) 来自启动参数 --reports-dir。",
            "换一个文件夹：启动时加 --reports-dir 目录，或设环境变量 FUHE_REPORTS_DIR，或在 /home/王某/.config/fuhe/settings.conf 中写一行 reports-dir = 目录（依此优先）。",
        ])
        // Every line is on screen, wrapped inside the box.
        #expect(w.screenText.contains("│ ✗ 无法写入 \(Self.folder)：没有写入权限"))
        #expect(w.screenText.contains("│ 文书文件夹 \(Self.folder) 来自启动参数 --reports-dir。"))
    }

    @Test func aLaterDocumentsFailureIsShownBesideWhatWasWritten() throws {
        let w = try NoStore.workstation()
        NoStore.openSheet(w)
        w.press(.character("D"))
        guard case .writeDocuments(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        var written = Self.twoFiles()
        written.files.removeLast()
        written.failure = "整改通知书未写出：磁盘已满"
        w.receive(.documentsWritten(request, written))
        #expect(w.state.messageIsError)
        let screen = w.screenText
        #expect(screen.contains("✓ 复核意见书"))
        #expect(screen.contains("✗ 整改通知书未写出：磁盘已满"))
    }

    // MARK: screens

    func check(_ w: Workstation, _ name: String, _ width: Int, _ height: Int) {
        let buffer = Renderer.render(w.state)
        #expect(ScreenTests.widthsFit(buffer), "\(name) \(width)×\(height)")
        assertSnapshot(buffer.text, named: "\(name)-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theWrittenBoxOverTheScoresheet(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        let writer = ScriptedWriter(.success(Self.twoFiles()))
        w.useDocuments(writer)
        w.press(.character("g"), .enter, .character("D"))
        #expect(writer.asked == [w.state.dossier?.id ?? "?"])
        check(w, "documents-written", width, height)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theFailureBox(width: Int, height: Int) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: width, height: height)
        w.useDocuments(ScriptedWriter(.failure(EffectFailure("无法写入 \(Self.folder)：没有写入权限（Permission denied）；未写入任何文件"))))
        w.press(.character("g"), .enter, .character("D"))
        check(w, "documents-failed", width, height)
    }

    // MARK: the real writer

    @Test func theRealWriterPutsBothDocumentsInTheFolder() throws {
        let s = try SampleStore()
        defer { s.remove() }
        let folder = s.directory.appendingPathComponent("复核文书")
        let w = s.workstation(width: 100, height: 30)
        w.useDocuments(UnitDocumentWriter(store: { s.store }, folder: folder))
        w.type("/heshan")
        w.press(.enter, .enter, .character("D"))
        let view = try #require(w.state.overlay as? DocumentsView, "\(w.state.message ?? "")")
        #expect(view.lines.first?.text == folder.path + "（新建）", "the configured folder is made when missing")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["\(Self.heshanName)2021年度复核意见书.docx", "\(Self.heshanName)2021年度整改通知书.docx"].sorted())
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        // Again: nothing is replaced, the new files get “（2）”.
        w.press(.escape, .character("D"))
        #expect(w.screenText.contains("复核意见书（2）.docx"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 4)
    }

    @Test func anUnwritableFolderIsExplainedAndNothingIsWritten() throws {
        let s = try SampleStore()
        defer { s.remove() }
        // sysfs refuses new files even to root, so this holds for every user the suite runs as.
        let folder = URL(fileURLWithPath: "/sys/kernel")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let w = s.workstation()
        w.useDocuments(UnitDocumentWriter(store: { s.store }, place: .reports(option: folder.path, settings: UserSettings())))
        w.press(.character("g"), .enter, .character("D"))
        #expect(w.state.messageIsError)
        #expect(w.state.message?.hasPrefix("未写出文书：/sys/kernel/") == true, "\(w.state.message ?? "")")
        #expect(w.state.message?.contains("没有写入权限") == true)
        #expect(w.screenText.contains("什么都没有写入"))
        #expect(w.screenText.contains("文书文件夹 /sys/kernel 来自启动参数 --reports-dir。"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == before)
        // A folder whose parent does not exist is not made.
        let nowhere = s.directory.appendingPathComponent("没有/复核文书")
        w.press(.escape)
        w.useDocuments(UnitDocumentWriter(store: { s.store }, folder: nowhere))
        w.press(.character("D"))
        #expect(w.state.message == "未写出文书：\(nowhere.path)：文件夹 \(nowhere.deletingLastPathComponent().path) 不存在。什么都没有写入")
        #expect(!FileManager.default.fileExists(atPath: nowhere.deletingLastPathComponent().path))
    }

    @Test func inTheDemoDocumentsGoToTheSandboxAndAreDeletedWithIt() throws {
        let demo = try DemoSandbox()
        defer { demo.remove() }
        let w = demo.workstation(width: 100, height: 30)
        w.type("/heshan")
        w.press(.enter, .enter, .character("D"))
        let folder = demo.sandbox.documentsFolder
        #expect(folder.path.hasPrefix(demo.sandbox.directory.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
        #expect(w.screenText.contains("培训演示：文书只写在沙盒的临时文件夹里"))
        demo.sandbox.remove()
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
