import Foundation
import FuheDocuments
import FuheFiles
import FuheStore
import FuheUI

/// The workstation's `report.write` key over FuheDocuments: a unit's 意见书 (and 整改通知书) from
/// the store, written by `ReportWriter` into the reports folder. A folder that does not exist yet
/// is made (mode 0700) when the folder it is in exists; it is removed again if nothing was written.
///
/// ```swift
/// let place = DocumentsPlace.reports(option: reportsDir, settings: try UserSettings.load())
/// workstation.useDocuments(UnitDocumentWriter(store: { store }, place: place))
/// ```
public final class UnitDocumentWriter: DocumentWriting {
    /// The store to read (the sandbox's changes on every reset).
    let store: () -> FuheStore
    public let place: DocumentsPlace
    public let folder: URL

    public init(store: @escaping () -> FuheStore, place: DocumentsPlace) {
        self.store = store
        folder = URL(fileURLWithPath: place.folder, isDirectory: true).standardizedFileURL
        var place = place
        place.folder = folder.path
        self.place = place
    }

    /// A writer into `folder`, chosen by the caller (tests, tools).
    public convenience init(store: @escaping () -> FuheStore, folder: URL) {
        self.init(store: store, place: DocumentsPlace(folder: folder.path, origin: "调用方指定"))
    }

    public func writeUnitDocuments(dossierID: String) throws -> WrittenDocuments {
        let made = try makeFolderIfMissing()
        let writer = ReportWriter(store: store(), folder: folder)
        func files(_ written: [(kind: DocumentKind, url: URL)]) -> [WrittenDocuments.File] {
            written.map { WrittenDocuments.File(title: $0.kind.title, path: $0.url.path) }
        }
        do {
            let written = try writer.writeUnitDocumentFiles(dossierID: dossierID)
            return WrittenDocuments(folder: folder.path, files: files(written), madeFolder: made)
        } catch let incomplete as UnitDocumentsIncomplete {
            return WrittenDocuments(folder: folder.path, files: files(incomplete.written), failure: "\(incomplete.failed.title)未写出：\(incomplete.error)",
                                    madeFolder: made)
        } catch {
            if made { rmdir(folder.path) }
            throw error
        }
    }

    /// Makes the folder when it is missing and its parent exists; says whether it did.
    private func makeFolderIfMissing() throws -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AppFailure("\(folder.path) 是文件，不是文件夹；未写入任何文件") }
            return false
        }
        let parent = folder.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.noFolder(folder.path, folder: parent)
        }
        guard mkdir(folder.path, 0o700) == 0 else {
            let code = errno
            throw OutputError.failed(folder.path, errno: code)
        }
        return true
    }
}

extension DocumentsPlace {
    /// The workstation's reports folder: `--reports-dir`, else `$FUHE_REPORTS_DIR`, else
    /// `reports-dir` in settings.conf, else the documents folder, else the working directory —
    /// with which of them chose it and how to choose another.
    public static func reports(option: String?, settings: UserSettings,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               currentDirectory: String = FileManager.default.currentDirectoryPath) -> DocumentsPlace {
        let (folder, origin) = ReportFolder.locate(configured: option, saved: settings.reportsDir, environment: environment,
                                                   currentDirectory: currentDirectory)
        let file = UserSettings.path(environment: environment)
        let text = switch origin {
        case .configured: "启动参数 --reports-dir"
        case .environment: "环境变量 FUHE_REPORTS_DIR"
        case .saved: "设置文件 \(file) 中的 reports-dir"
        case .documents: "“文档”文件夹（XDG_DOCUMENTS_DIR）"
        case .workingDirectory: "启动时的当前目录（没有设置文书文件夹）"
        }
        return DocumentsPlace(folder: folder.path, origin: text,
                              howToChange: "换一个文件夹：启动时加 --reports-dir 目录，或设环境变量 FUHE_REPORTS_DIR，或在 \(file) 中写一行 reports-dir = 目录（依此优先）。")
    }
}
