import Foundation
import FuheCore

/// The bundled (or stored) template that fits a report best: how many of the stated indicators
/// map to its nodes, whether printed weights agree with its weights, and how many of its indicator
/// names the text mentions; only templates of the report's evaluation type when that is known.
enum TemplateProposer {
    struct Proposal {
        var template: IndicatorTemplate?
        var fit: Double
        var candidates: [TemplateCandidate]
        var indicators: [DraftIndicator]
    }

    /// The node names of the templates, as keys (for building the report's `TextIndex`).
    static func names(_ templates: [IndicatorTemplate]) -> [[UInt32]] {
        templates.flatMap { $0.nodes.filter { $0.kind != .trial }.map { NodeMatcher.key($0.name) } }
    }

    static func propose(indicators: [DraftIndicator], evalType: EvalType?, text: TextIndex, templates: [IndicatorTemplate]) -> Proposal {
        var scored: [(IndicatorTemplate, Double, String, [DraftIndicator])] = []
        for t in templates where evalType == nil || t.evalType == evalType {
            let mapped = NodeMatcher.map(indicators, to: t)
            let stated = mapped.filter { $0.score != nil || $0.weight != nil }
            let hits = stated.filter { $0.node != nil }.count
            var weightsAgree = 0, weightsPrinted = 0
            for ind in stated {
                guard let w = ind.weight, let code = ind.node, let node = t.node(code: code) else { continue }
                weightsPrinted += 1
                if Score(w) == node.weight { weightsAgree += 1 }
            }
            let names = t.nodes.filter { $0.kind != .trial }.map { NodeMatcher.key($0.name) }.filter { $0.count >= 2 }
            let present = names.filter { text.contains($0) }.count
            let presence = names.isEmpty ? 0 : Double(present) / Double(names.count)
            var fit: Double
            var reason: String
            if stated.isEmpty {
                fit = 0.8 * presence
                reason = "报告未列指标得分；模板指标名称在文中出现 \(present)/\(names.count)"
            } else {
                let coverage = Double(hits) / Double(stated.count)
                let weights = weightsPrinted == 0 ? coverage : Double(weightsAgree) / Double(weightsPrinted)
                fit = 0.6 * coverage + 0.2 * weights + 0.2 * presence
                reason = "\(hits)/\(stated.count) 个报告所列指标对应到模板节点"
                    + (weightsPrinted > 0 ? "；报告所印分值与模板一致 \(weightsAgree)/\(weightsPrinted)" : "")
                    + "；模板指标名称在文中出现 \(present)/\(names.count)"
            }
            if evalType == nil { fit *= 0.8; reason += "；评价类型未定" }
            scored.append((t, min(fit, 1), reason, mapped))
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0.id < $1.0.id) }
        let candidates = scored.map { TemplateCandidate(id: $0.0.id, name: $0.0.name, fit: String(format: "%.2f", $0.1), reason: $0.2) }
        guard let best = scored.first, best.1 >= 0.2 else {
            return Proposal(template: nil, fit: scored.first?.1 ?? 0, candidates: candidates, indicators: indicators)
        }
        return Proposal(template: best.0, fit: best.1, candidates: candidates, indicators: best.3)
    }
}

/// The report's text reduced to name keys (simplified Han), with the places of the character
/// pairs that start the names asked about, for fast "does the text mention this name" questions.
struct TextIndex {
    let keys: [UInt32]
    private let starts: [UInt64: [Int]]

    init(_ c: ReportContext, names: [[UInt32]]) {
        var k: [UInt32] = []
        k.reserveCapacity(c.end - c.start)
        for i in c.start..<c.end {
            let s = c.w.scalars[i]
            if HanFold.isHan(s) { k.append(s.value) }
        }
        keys = k
        var wanted = Set<UInt64>()
        for n in names {
            let han = n.filter { $0 >= 0x3400 }
            if han.count >= 2 { wanted.insert(UInt64(han[0]) << 32 | UInt64(han[1])) }
        }
        var index: [UInt64: [Int]] = [:]
        if k.count >= 2 {
            for i in 0..<(k.count - 1) {
                let pair = UInt64(k[i]) << 32 | UInt64(k[i + 1])
                if wanted.contains(pair) { index[pair, default: []].append(i) }
            }
        }
        starts = index
    }

    func contains(_ name: [UInt32]) -> Bool {
        let han = name.filter { $0 >= 0x3400 }
        guard han.count >= 2 else { return false }
        for start in starts[UInt64(han[0]) << 32 | UInt64(han[1])] ?? [] where start + han.count <= keys.count {
            var ok = true
            for j in 2..<han.count where keys[start + j] != han[j] { ok = false; break }
            if ok { return true }
        }
        return false
    }
}
