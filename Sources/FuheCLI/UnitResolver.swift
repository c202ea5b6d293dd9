import FuheCore
import FuheStore

/// Finds the dossier a user means by dossier id, unit id, or part of the unit's name (Chinese or pinyin).
enum UnitResolver {
    static func resolve(_ query: String, in store: FuheStore) throws -> String {
        let list = try store.unitList()
        let units = try list.map { ($0, try store.dossier(id: $0.dossierID)) }
        if let exact = units.first(where: { $0.1.id == query }) { return exact.1.id }
        let byUnitID = units.filter { $0.1.unit.id == query }
        if byUnitID.count == 1 { return byUnitID[0].1.id }
        let q = query.lowercased().replacingOccurrences(of: " ", with: "")
        let matches = units.filter { entry in
            let d = entry.1
            let names = [d.unit.name, d.unit.displayName, d.evaluation.objectName]
            return names.contains { $0.contains(query) || SortKey.of($0).replacingOccurrences(of: " ", with: "").contains(q) }
        }
        if matches.count == 1 { return matches[0].1.id }
        if matches.isEmpty { throw CLIFailure("no unit matches \"\(query)\" (try `fuhe list` for ids)") }
        let names = matches.map { "\($0.1.id) \($0.1.unit.name) \($0.1.cycle.fiscalYear)" }.joined(separator: "; ")
        throw CLIFailure("\"\(query)\" matches \(matches.count) units: \(names)")
    }
}
