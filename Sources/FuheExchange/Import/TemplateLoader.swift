import Foundation
import FuheCore

/// Reads template files, grade-scheme files and whole folders of them.
public enum TemplateLoader {
    /// One `fuhe.template/1` file, validated (T-000…T-002).
    public static func template(_ bytes: [UInt8], file: String) throws(ImportError) -> IndicatorTemplate {
        let root = try DossierDecoder.parse(bytes, file: file)
        var r = try FieldReader(root, file: file, path: "")
        let format = try r.string("format")
        guard format == "fuhe.template/1" else {
            throw r.fail("format", "expected \"fuhe.template/1\", found \(format.map { "\"\($0)\"" } ?? "nothing")")
        }
        let t = try TemplateDecoder.decode(&r)
        try TemplateChecks.requireValid(t, file: file, line: nil, path: "")
        return t
    }

    /// A grade-schemes file.
    public static func gradeSchemes(_ bytes: [UInt8], file: String) throws(ImportError) -> [GradeScheme] {
        try TemplateDecoder.decodeSchemes(try DossierDecoder.parse(bytes, file: file), file: file)
    }

    /// Reads a file's bytes, turning I/O failures into an `ImportError` naming the file.
    public static func read(_ url: URL) throws(ImportError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            throw ImportError(file: url.path, line: nil, path: "", message: tr("无法读取文件：\(error.localizedDescription)", "cannot read the file: \(error.localizedDescription)"))
        }
    }

    /// Every template file in a folder.
    public static func templates(in directory: URL) throws(ImportError) -> [IndicatorTemplate] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var out: [IndicatorTemplate] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            out.append(try template(try read(url), file: url.lastPathComponent))
        }
        return out
    }
}

extension TemplateLoader {
    /// The `format` a file declares ("fuhe.dossier/1", "fuhe.template/1", …), nil when unreadable.
    public static func declaredFormat(_ bytes: [UInt8]) -> String? {
        guard let root = try? JSONParser.parse(bytes), case .object(let members) = root.value,
              let format = members.first(where: { $0.key == "format" }), case .string(let s) = format.value.value else { return nil }
        return s
    }
}
