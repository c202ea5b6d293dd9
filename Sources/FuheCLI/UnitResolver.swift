import ArgumentParser
import FuheApp
import FuheCore
import FuheStore
import TermCore

/// Finds the dossier a user means by dossier id, unit id, or the unit's name as the workstation's
/// search finds it (`TextMatcher`: Chinese, full pinyin, pinyin initials, 繁体 or 简体 — `fuhe
/// show hs` finds 赫山). Reads only the name index, never whole dossiers.
enum UnitResolver {
    static func resolve(_ query: String, in store: FuheStore) throws -> String {
        let names = try store.dossierNames()
        if let exact = names.first(where: { $0.dossierID == query }) { return exact.dossierID }
        let byUnitID = names.filter { $0.unitID == query }
        if byUnitID.count == 1 { return byUnitID[0].dossierID }
        let matches = matching(query, in: names)
        if matches.count == 1 { return matches[0].dossierID }
        if matches.isEmpty {
            throw CLIFailure(tr("没有单位与“\(query)”相符（用 fuhe list 查看编号）", "no unit matches \"\(query)\" (try `fuhe list` for ids)"))
        }
        let listed = matches.map { "\($0.dossierID) \($0.unitName) \($0.fiscalYear)" }.joined(separator: tr("；", "; "))
        throw CLIFailure(tr("“\(query)”与 \(matches.count) 个单位相符，请用编号指定：\(listed)", "\"\(query)\" matches \(matches.count) units; give an id: \(listed)"))
    }

    /// Dossiers whose unit name, short name or evaluated object matches `query`.
    static func matching(_ query: String, in names: [DossierNames]) -> [DossierNames] {
        let matcher = TextMatcher(query: query, readings: HanPinyin.searchReading)
        guard !matcher.isEmpty else { return [] }
        var builder = TextMatcher.KeyBuilder(readings: HanPinyin.searchReading)
        return names.filter { n in [n.unitName, n.displayName, n.objectName].contains { matcher.matches(builder.key($0)) } }
    }

    /// Shell completion of a unit argument: dossier ids and unit names of the store named by
    /// `--store` on the command line being completed (or the default store; never created).
    static let completion = CompletionKind.custom { words, index, _ in
        // The word being completed (ArgumentParser's prefix is taken from the last word).
        let prefix = index >= 0 && index < words.count ? words[index] : ""
        var path = DefaultStore.path()
        if let i = words.firstIndex(of: "--store"), i + 1 < words.count { path = words[i + 1] }
        guard let store = try? FuheStore.open(path: path, createIfMissing: false), let names = try? store.dossierNames() else { return [] }
        let candidates = names.flatMap { [$0.dossierID, $0.displayName] }
        let safe = candidates.filter { !$0.unicodeScalars.contains(where: TerminalText.needsEscape) && !$0.contains(" ") }
        let offered = prefix.isEmpty ? safe : safe.filter { $0.hasPrefix(prefix) || TextMatcher(query: prefix, readings: HanPinyin.searchReading).matches($0) }
        var seen = Set<String>()
        return offered.filter { seen.insert($0).inserted }
    }
}
