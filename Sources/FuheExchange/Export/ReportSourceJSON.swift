import Foundation
import FuheCore

/// The optional `report_source` of a dossier in `fuhe.dossier/1`: the report text the dossier was
/// made from, with its places (docs/intake.md). Written and read as the store keeps it.
enum ReportSourceJSON {
    static func object(_ s: ReportSource) -> JSONOut {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(s)) ?? Data("null".utf8)
        return .literal(String(decoding: data, as: UTF8.self))
    }

    static func decode(_ node: JSONNode, file: String, path: String) throws(ImportError) -> ReportSource {
        do {
            return try JSONDecoder().decode(ReportSource.self, from: Data(node.jsonText().utf8))
        } catch {
            let detail: String
            switch error {
            case DecodingError.keyNotFound(let key, let c): detail = "missing field \((c.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
            case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c), DecodingError.dataCorrupted(let c):
                detail = "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
            default: detail = "\(error)"
            }
            throw ImportError(file: file, line: node.line, path: path, message: "not a valid report source (\(detail))")
        }
    }
}

extension JSONNode {
    /// The node as compact JSON text.
    func jsonText() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONOut.escape(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, m) in members.enumerated() {
                if i > 0 { out += "," }
                JSONOut.escape(m.key, into: &out)
                out += ":"
                m.value.write(into: &out)
            }
            out += "}"
        }
    }
}
