import Foundation
import FuheFiles
import FuheCore
import FuheDocuments
import FuheStore

/// Writes a unit's review documents from the store: the 复核意见书 and, for a unit with open
/// rectification items, the 整改通知书. Used by `fuhe report review|notice` and, through
/// `UnitDocumentWriter`, by the workstation's `D` key:
///
/// ```swift
/// let writer = ReportWriter(store: store, folder: ReportFolder.resolve(configured: option))
/// let written = try writer.writeUnitDocuments(dossierID: id)   // [URL], shown to the user
/// ```
public struct ReportWriter {
    public let store: FuheStore
    /// Where `writeUnitDocuments` puts its files (see `ReportFolder.resolve`).
    public let folder: URL
    /// A bureau's own template per document, instead of the bundled one.
    public var templateFiles: [DocumentKind: URL]

    public init(store: FuheStore, folder: URL, templateFiles: [DocumentKind: URL] = [:]) {
        self.store = store
        self.folder = folder
        self.templateFiles = templateFiles
    }

    /// Writes the unit's 意见书, and its 整改通知书 when it has open items, into `folder` under
    /// their usual names; never replaces a file (a taken name gets “（2）”…). Returns what it wrote.
    /// When the 整改通知书 fails after the 意见书 was written, throws `UnitDocumentsIncomplete`.
    public func writeUnitDocuments(dossierID: String) throws -> [URL] {
        try writeUnitDocumentFiles(dossierID: dossierID).map(\.url)
    }

    /// The same, with each file's document.
    public func writeUnitDocumentFiles(dossierID: String) throws -> [(kind: DocumentKind, url: URL)] {
        let dossier = try store.dossier(id: dossierID)
        var kinds: [DocumentKind] = [.reviewOpinion]
        if !RectificationNoticeContent.openItems(dossier).isEmpty { kinds.append(.rectificationNotice) }
        var written: [(kind: DocumentKind, url: URL)] = []
        for kind in kinds {
            let name = DocumentNames.unitDocument(kind, unitName: dossier.unit.name, year: dossier.cycle.fiscalYear)
            do {
                for attempt in 0..<5 {
                    let url = DocumentNames.unused(name, in: folder)
                    do {
                        try write(kind, dossier: dossier, to: url, force: false)
                        written.append((kind, url))
                        break
                    } catch OutputError.exists(_) where attempt < 4 {
                        continue  // taken between the check and the write: try the next name
                    }
                }
            } catch {
                if written.isEmpty { throw error }
                throw UnitDocumentsIncomplete(written: written, failed: kind, error: error)
            }
        }
        return written
    }

    /// Writes one document of one unit to `url` (refused when it exists, unless `force`).
    public func write(_ kind: DocumentKind, dossierID: String, to url: URL, force: Bool) throws {
        try write(kind, dossier: try store.dossier(id: dossierID), to: url, force: force)
    }

    /// The document's values for the unit on the store's day.
    public func record(_ kind: DocumentKind, dossier: Dossier) throws -> TemplateRecord {
        switch kind {
        case .reviewOpinion:
            let scheme = try store.gradeSchemes()[dossier.template.gradeSchemeID] ?? .mof4
            return ReviewOpinionContent.record(dossier, scored: DossierScorer.score(dossier, scheme: scheme), today: store.today)
        case .rectificationNotice:
            guard !RectificationNoticeContent.openItems(dossier).isEmpty else {
                throw DocumentError.nothingToWrite("\(dossier.unit.name) 没有待整改的事项，不需要整改通知书")
            }
            return RectificationNoticeContent.record(dossier, today: store.today)
        case .cycleReport:
            throw DocumentError.nothingToWrite("复核结果通报不是单个单位的文书")
        }
    }

    /// The template for a document: the bureau's file when one is set, else the bundled one.
    public func template(_ kind: DocumentKind) throws -> DocxTemplate {
        if let file = templateFiles[kind] { return try kind.template(file: file) }
        return try kind.bundledTemplate()
    }

    private func write(_ kind: DocumentKind, dossier: Dossier, to url: URL, force: Bool) throws {
        try DocumentWriter.write(try template(kind), try record(kind, dossier: dossier), to: url, force: force)
    }
}

/// A unit's later document failed after the earlier ones were written (they stay, whole).
public struct UnitDocumentsIncomplete: Error, CustomStringConvertible {
    public var written: [(kind: DocumentKind, url: URL)]
    public var failed: DocumentKind
    public var error: any Error

    public var description: String {
        "已写出 \(written.map(\.url.path).joined(separator: "、"))；\(failed.title)未写出：\(error)"
    }
}
