import Foundation
import FuheCore

/// Evaluates lesson checks against a world: a pure function of the state, so the same state
/// gives the same answer whichever keys led there.
public enum LessonChecker {
    public static func holds(_ check: LessonCheck, in world: LessonWorld, baseline: LessonBaseline) -> Bool {
        var cache: [String: Dossier?] = [:]
        func dossier(_ id: String) -> Dossier? {
            if let hit = cache[id] { return hit }
            let d = world.dossier(id)
            cache[id] = d
            return d
        }
        func evaluate(_ check: LessonCheck) -> Bool {
            switch check {
            case .unitOpen(let id):
                return world.openDossierID == id && world.focus != .units
            case .focus(let id, let pane):
                return world.openDossierID == id && world.focus == pane
            case .rowSelected(let id, let code):
                return world.openDossierID == id && world.focus == .sheet && world.selectedRowCode == code
            case .messageSelected(let id, let code):
                return world.openDossierID == id && world.selectedMessageCode == code
            case .itemSelected(let id, let item):
                return world.openDossierID == id && world.focus == .items && world.selectedItemID == item
            case .verifiedActual(let id, let code, let value):
                guard let r = result(dossier(id), code: code), let verified = r.verifiedActual else { return false }
                guard let value else { return true }
                return verified.number == value
            case .reviewScore(let id, let code, let condition, let reason):
                guard let r = result(dossier(id), code: code), let score = r.reviewScore else { return false }
                return condition.holds(score) && (!reason || !blank(r.deductionReason))
            case .reasonText(let id, let code, let contains, let lacks):
                guard let reason = result(dossier(id), code: code)?.deductionReason else { return false }
                return contains.allSatisfy { ChineseText.contains(reason, $0) } && !lacks.contains { ChineseText.contains(reason, $0) }
            case .findingAdded(let id, let condition):
                guard let d = dossier(id) else { return false }
                let old = baseline.findings[id] ?? []
                return d.findings.contains { !old.contains($0.id) && matches($0, condition, in: d) }
            case .itemAdded(let id, let condition):
                guard let d = dossier(id) else { return false }
                let old = baseline.items[id] ?? []
                return d.items.contains { !old.contains($0.id) && matches($0, condition) }
            case .itemStatus(let id, let itemID, let status, let evidence):
                guard let item = dossier(id)?.items.first(where: { $0.id == itemID }) else { return false }
                return item.status == status && (!evidence || !item.evidenceIDs.isEmpty)
            case .all(let checks): return checks.allSatisfy(evaluate)
            case .any(let checks): return checks.contains(where: evaluate)
            case .not(let inner): return !evaluate(inner)
            }
        }
        return evaluate(check)
    }

    static func result(_ d: Dossier?, code: String) -> IndicatorResult? {
        guard let d, let node = d.template.node(code: code) else { return nil }
        return d.results[node.id]
    }

    static func blank(_ text: String?) -> Bool {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    static func matches(_ f: Finding, _ c: FindingCondition, in d: Dossier) -> Bool {
        if let category = c.category, f.category != category { return false }
        if let code = c.code {
            guard let nodeID = f.nodeID, d.template.node(id: nodeID)?.code == code else { return false }
        }
        if !c.textContains.allSatisfy({ f.description.contains($0) }) { return false }
        return !c.textLacks.contains { f.description.contains($0) }
    }

    static func matches(_ item: RectificationItem, _ c: ItemCondition) -> Bool {
        if let finding = c.finding, item.findingID != finding { return false }
        if c.measure && blank(item.measure) { return false }
        if c.respPerson && blank(item.respPerson) { return false }
        return c.measureContains.allSatisfy { item.measure.contains($0) }
    }
}
