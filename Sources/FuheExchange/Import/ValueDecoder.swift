import Foundation
import FuheCore

/// Reads the small shared shapes of the format: observed values, team members, evidence.
enum ValueDecoder {
    /// A value: a printed string, or `{text, num, met, level, items}`.
    static func observed(_ reader: inout FieldReader, _ key: String, unit: String) throws(ImportError) -> ObservedValue? {
        guard let n = reader.value(key) else { return nil }
        switch n.value {
        case .string(let s):
            return ObservedValue.parse(s, unit: unit)
        case .number(let s):
            return ObservedValue.parse(s, unit: unit)
        case .object:
            var r = try FieldReader(n, file: reader.file, path: reader.childPath(key))
            let text = try r.string("text") ?? ""
            var value = ObservedValue(text: text)
            if let numNode = r.value("num") {
                let numText: String
                switch numNode.value {
                case .string(let s): numText = s
                case .number(let s): numText = s
                default: throw r.fail("num", tr("应为小数或比值 a/b 的字符串，实际是\(numNode.typeName)", "expected a decimal or a ratio a/b as a string, found \(numNode.typeName)"))
                }
                guard let number = ObservedValue.parseNumber(numText, unit: unit) else {
                    throw r.fail("num", tr("“\(numText)”不是小数或分母不为零的比值 a/b", "\"\(numText)\" is not a decimal or a ratio a/b with a non-zero denominator"))
                }
                value.number = number
            } else if !text.isEmpty {
                value.number = ObservedValue.parse(text, unit: unit).number
            }
            value.met = try r.bool("met")
            value.level = try r.enumeration("level", QualLevel.self)
            if r.has("items") { value.items = try r.stringList("items") }
            try r.finish()
            return value
        default:
            throw reader.fail(key, tr("应为字符串或对象 {text, num}，实际是\(n.typeName)", "expected a string or an object {text, num}, found \(n.typeName)"))
        }
    }

    static func team(_ reader: inout FieldReader, _ key: String) throws(ImportError) -> [TeamMember] {
        var out: [TeamMember] = []
        for m in try reader.list(key) {
            var r = try FieldReader(m.node, file: reader.file, path: m.path)
            out.append(TeamMember(name: try r.requiredString("name"), title: try r.string("title"), org: try r.string("org"),
                                  role: try r.enumeration("role", TeamRole.self) ?? .member, signed: try r.bool("signed") ?? false,
                                  signedOn: try r.day("signed_on")))
            try r.finish()
        }
        return out
    }

    static func evidence(_ reader: inout FieldReader) throws(ImportError) -> [Evidence] {
        var out: [Evidence] = []
        var ids: Set<String> = []
        for e in try reader.list("evidence") {
            var r = try FieldReader(e.node, file: reader.file, path: e.path)
            let id = try r.requiredString("id")
            guard ids.insert(id).inserted else { throw r.fail("id", tr("佐证编号“\(id)”用了两次", "evidence id \"\(id)\" is used twice")) }
            out.append(Evidence(id: id, title: try r.requiredString("title"), kind: try r.enumeration("kind", EvidenceKind.self) ?? .other,
                                locator: try r.string("locator"), providedBy: try r.enumeration("provided_by", EvidenceSource.self) ?? .unit,
                                receivedOn: try r.day("received_on"), verified: try r.bool("verified") ?? false))
            try r.finish()
        }
        return out
    }

    /// Checks that every referenced evidence id exists.
    static func checkEvidenceIDs(_ ids: [String], known: Set<String>, reader: FieldReader, key: String) throws(ImportError) {
        for id in ids where !known.contains(id) {
            throw reader.fail(key, tr("佐证“\(id)”不在本档案的佐证清单中", "evidence \"\(id)\" is not in this dossier's evidence list"))
        }
    }
}
