import FuheCore
import FuheStore

/// Finds the dossier a user means by dossier id, unit id, or part of the unit's name (Chinese or
/// pinyin). Reads only the name index, never whole dossiers.
enum UnitResolver {
    static func resolve(_ query: String, in store: FuheStore) throws -> String {
        let names = try store.dossierNames()
        if let exact = names.first(where: { $0.dossierID == query }) { return exact.dossierID }
        let byUnitID = names.filter { $0.unitID == query }
        if byUnitID.count == 1 { return byUnitID[0].dossierID }
        let q = query.lowercased().replacingOccurrences(of: " ", with: "")
        let matches = names.filter { n in
            [n.unitName, n.displayName, n.objectName].contains {
                ChineseText.contains($0, query) || SortKey.of($0).replacingOccurrences(of: " ", with: "").contains(q)
            }
        }
        if matches.count == 1 { return matches[0].dossierID }
        if matches.isEmpty { throw CLIFailure("no unit matches \"\(query)\" (try `fuhe list` for ids)") }
        let listed = matches.map { "\($0.dossierID) \($0.unitName) \($0.fiscalYear)" }.joined(separator: "; ")
        throw CLIFailure("\"\(query)\" matches \(matches.count) units: \(listed)")
    }
}
