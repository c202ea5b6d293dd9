import Foundation

/// What a row evaluation depends on besides its node: reused only when identical.
struct RowInputs: Sendable {
    var target: ObservedValue?
    var actual: ObservedValue?
    var executed: Money?
    var budget: Money?
    var overshoot: Decimal

    init(target: ObservedValue?, actual: ObservedValue?, evaluation: SelfEvaluation, thresholds: DeviationThresholds) {
        self.target = target
        self.actual = actual
        executed = evaluation.executed
        budget = evaluation.budgetFullYear
        overshoot = thresholds.overshootDefault
    }

    /// Whether a row would be evaluated from exactly these inputs again.
    func matches(target: ObservedValue?, actual: ObservedValue?, _ evaluation: SelfEvaluation,
                 _ thresholds: DeviationThresholds) -> Bool {
        executed == evaluation.executed && budget == evaluation.budgetFullYear
            && overshoot.isIdentical(to: thresholds.overshootDefault)
            && Self.same(self.actual, actual) && Self.same(self.target, target)
    }

    private static func same(_ a: ObservedValue?, _ b: ObservedValue?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x.isIdentical(to: y)
        default: return false
        }
    }
}

/// Row evaluations remembered per dossier and node position for one template index, so that
/// rescoring after an edit only re-evaluates rows whose inputs changed. A dossier's rows are
/// remembered from its second scoring on: a pass that scores each dossier once (`fuhe check`,
/// an import, rescoring a store) only notes its id, and the workstation, which scores the dossier
/// it shows again after every edit, gets the rows back from the third scoring on. Thread-safe, bounded.
final class RowMemo: @unchecked Sendable {
    /// A class, so that reading an entry costs one retain instead of copying it. A row made from
    /// its scoring's recipe is kept without it (its parts and position): the recipe holds that
    /// scoring's copy of the dossier's rows, which the memo must not keep alive.
    final class Entry: Sendable {
        let inputs: RowInputs
        private let kept: Kept

        private enum Kept: Sendable {
            case parts(nodeID: String, suggestion: Score?, allowedRange: ClosedRange<Score>?, flags: [ValidationMessage], position: Int)
            case whole(RowEvaluation)
        }

        init(inputs: RowInputs, row: RowEvaluation) {
            self.inputs = inputs
            if let position = row.recipePosition {
                kept = .parts(nodeID: row.nodeID, suggestion: row.suggestion, allowedRange: row.allowedRange, flags: row.flags,
                              position: position)
            } else {
                kept = .whole(row)
            }
        }

        /// The row for a scoring whose inputs at this position are `inputs`, its measure and
        /// explanation made from that scoring's recipe (the same inputs: the same texts).
        func row(from recipe: RowRecipe) -> RowEvaluation {
            switch kept {
            case let .parts(nodeID, suggestion, allowedRange, flags, position):
                return RowEvaluation(nodeID: nodeID, suggestion: suggestion, allowedRange: allowedRange, flags: flags,
                                     recipe: recipe, position: position)
            case .whole(let row):
                return row
            }
        }
    }

    private let lock = NSLock()
    private var store: [String: [Entry?]] = [:]
    /// Dossiers scored once and not (yet) remembered.
    private var seen: Set<String> = []
    private static let dossierLimit = 256

    /// The remembered rows of a dossier (all nil when none), sized to `count`.
    func entries(for dossierID: String, count: Int) -> [Entry?] {
        lock.lock()
        defer { lock.unlock() }
        if let found = store[dossierID], found.count == count { return found }
        return Array(repeating: nil, count: count)
    }

    /// The rows to reuse and fill for this scoring of a dossier (all nil when none are
    /// remembered), or nil when the dossier is scored for the first time: it is noted, and its
    /// rows are not worth remembering yet. The remembered rows leave the memo until `save`, so
    /// that filling them copies nothing.
    func take(for dossierID: String, count: Int) -> [Entry?]? {
        lock.lock()
        defer { lock.unlock() }
        if let found = store.removeValue(forKey: dossierID) {
            return found.count == count ? found : Array(repeating: nil, count: count)
        }
        if seen.remove(dossierID) != nil { return Array(repeating: nil, count: count) }
        if seen.count >= Self.dossierLimit { seen.removeAll(keepingCapacity: true) }
        seen.insert(dossierID)
        return nil
    }

    func save(_ entries: [Entry?], for dossierID: String) {
        lock.lock()
        defer { lock.unlock() }
        if store[dossierID] == nil && store.count >= Self.dossierLimit { store.removeAll(keepingCapacity: true) }
        store[dossierID] = entries
    }
}

/// Template indexes shared by `DossierScorer.score(_:scheme:thresholds:)`, keyed by template id
/// (a few variants per id) and checked against the template before reuse. Thread-safe, bounded.
final class IndexCache: @unchecked Sendable {
    static let shared = IndexCache()

    private let lock = NSLock()
    private var indexes: [String: [TemplateIndex]] = [:]
    private static let idLimit = 64
    private static let variantLimit = 8

    func index(for template: IndicatorTemplate) -> TemplateIndex {
        lock.lock()
        let cached = indexes[template.id] ?? []
        lock.unlock()
        if let found = cached.first(where: { $0.matches(template) }) { return found }
        let fresh = TemplateIndex(template)
        lock.lock()
        defer { lock.unlock() }
        var variants = indexes[template.id] ?? []
        if variants.isEmpty && indexes.count >= Self.idLimit { indexes.removeAll(keepingCapacity: true) }
        if variants.count >= Self.variantLimit { variants.removeFirst() }
        variants.append(fresh)
        indexes[template.id] = variants
        return fresh
    }
}
