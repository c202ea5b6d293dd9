import Foundation
import FuheCore
import FuheExchange
import FuheResources
import FuheStore

/// The templates, grade schemes and sample dossiers shipped in `Resources/`.
public enum BundledData {
    public static func templates() throws -> [IndicatorTemplate] {
        do { return try TemplateLoader.templates(in: ResourceFiles.templatesDirectory) } catch {
            throw AppFailure(tr("内置模板：\(error)", "bundled templates: \(error)"))
        }
    }

    public static func gradeSchemes() throws -> [GradeScheme] {
        do {
            let url = ResourceFiles.gradeSchemesFile
            return try TemplateLoader.gradeSchemes(try TemplateLoader.read(url), file: url.lastPathComponent)
        } catch {
            throw AppFailure(tr("内置等次方案：\(error)", "bundled grade schemes: \(error)"))
        }
    }

    /// Stores the bundled grade schemes and templates.
    public static func installCatalog(into store: FuheStore) throws {
        try store.saveGradeSchemes(try gradeSchemes())
        try store.saveTemplates(try templates(), bundled: true)
    }

    /// Reads the sample dossiers, with their dates shifted so that `as_of` becomes `today`.
    public static func samples(today: CalendarDay) throws -> [Dossier] {
        let bundled = Dictionary(try templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [Dossier] = []
        for url in ResourceFiles.jsonFiles(in: ResourceFiles.samplesDirectory) {
            do {
                let file = try DossierDecoder.decode(try TemplateLoader.read(url), file: url.lastPathComponent, templates: { bundled[$0] })
                let shift = file.asOf.map { $0.days(until: today) } ?? 0
                out += file.dossiers.map { $0.shiftingDates(byDays: shift) }
            } catch {
                throw AppFailure(tr("内置示例 \(error)", "bundled sample \(error)"))
            }
        }
        return out
    }

    /// Installs (or reinstalls) the sample dossiers, marked as samples; an id taken by a real
    /// dossier is refused and nothing is written. Returns how many were installed.
    @discardableResult
    public static func installSamples(into store: FuheStore, actor: String) throws -> Int {
        let dossiers = try samples(today: store.today)
        try store.importDossiers(dossiers, mode: .replaceExisting, actor: actor, origin: "samples",
                                 reason: "示例数据", samples: Set(dossiers.map(\.id)))
        return dossiers.count
    }
}

/// A failure reported to the user as one line, with a non-zero exit.
public struct AppFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
