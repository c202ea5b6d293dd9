import Foundation

/// Locations of the data files bundled with Fuhe: indicator templates, grade schemes and the
/// sample dossiers (all in the JSON exchange format described in docs/dossier-format.md), and the
/// training lessons (docs/training.md).
public enum ResourceFiles {
    /// Folder holding `T1.json` … (one template per file).
    public static var templatesDirectory: URL { Bundle.module.bundleURL.appendingPathComponent("templates") }
    /// Folder holding the sample dossiers (one per file).
    public static var samplesDirectory: URL { Bundle.module.bundleURL.appendingPathComponent("samples") }
    /// Folder holding the guided lessons of `fuhe demo` (one per file, in lesson order).
    public static var lessonsDirectory: URL { Bundle.module.bundleURL.appendingPathComponent("lessons") }
    /// Folder holding the bundled document templates as XML parts: `common/` (styles, fonts,
    /// footers, settings) and one folder per document laid over it (docs/reports.md).
    public static var documentsDirectory: URL { Bundle.module.bundleURL.appendingPathComponent("documents") }
    /// The grade schemes file.
    public static var gradeSchemesFile: URL { Bundle.module.bundleURL.appendingPathComponent("grade-schemes.json") }

    /// JSON files in a folder, sorted by name.
    public static func jsonFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }
}
