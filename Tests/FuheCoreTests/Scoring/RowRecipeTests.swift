import Foundation
import Testing
@testable import FuheCore

/// `DossierScorer`'s rows make their measure and explanation from their own scoring's recipe:
/// another dossier scored after, an edit of the same dossier, or a remembered row given to a
/// later scoring never changes what an earlier scored dossier's rows say.
@Suite struct RowRecipeTests {
    static func texts(_ scored: ScoredDossier) -> [String: String] {
        Dictionary(uniqueKeysWithValues: scored.rows.map { ($0.key, "\($0.value.measure.map { "\($0)" } ?? "nil") \($0.value.explanation)") })
    }

    /// What the public single-row evaluation says of each leaf.
    static func expected(_ d: Dossier, _ index: TemplateIndex) -> [String: String] {
        var out: [String: String] = [:]
        for p in index.leafPositions where index.rowPosition[index.ids[p]] == p {
            let node = d.template.nodes[p]
            let row = ScoringEngine.evaluate(node: node, result: d.results[node.id] ?? IndicatorResult(nodeID: node.id), evaluation: d.evaluation)
            out[node.id] = "\(row.measure.map { "\($0)" } ?? "nil") \(row.explanation)"
        }
        return out
    }

    @Test func rowsKeepTheirOwnDossiersInputs() {
        var random = SplitMix64(seed: 0x2EC1_BE)
        for t in 0..<6 {
            let template = Gen.template(&random, variant: t)
            let index = TemplateIndex(template)
            var kept: [(ScoredDossier, [String: String])] = []
            for n in 0..<12 {
                var d = Gen.dossier(template, &random, id: "R-\(t)-\(n % 4)")   // ids repeat: the memo reuses rows
                for _ in 0..<3 {
                    let scored = DossierScorer.score(d, scheme: Fx.mof4, index: index)
                    kept.append((scored, Self.expected(d, index)))
                    let leaf = index.leafPositions[Int(random.next() % UInt64(index.leafPositions.count))]
                    d.results[index.ids[leaf], default: IndicatorResult(nodeID: index.ids[leaf])].actual = Gen.observed(template.nodes[leaf], &random)
                    if Gen.chance(&random, 30) { d.evaluation.executed = Money(yuan: Int64(random.next() % 5_000_000)) }
                }
            }
            // Read only now, after every later scoring, edit and reuse of remembered rows.
            for (i, (scored, expected)) in kept.enumerated() {
                #expect(Self.texts(scored) == expected, "template \(t), scoring \(i)")
            }
        }
    }

    @Test func theMemoDoesNotKeepAScoringsRecipe() {
        var random = SplitMix64(seed: 0x3E3)
        let template = Gen.template(&random, variant: 1)
        let index = TemplateIndex(template)
        let d = Gen.dossier(template, &random, id: "KEEP")
        _ = DossierScorer.score(d, scheme: Fx.mof4, index: index)   // noted
        weak var second: RowRecipe?
        func scoreAndLook() {
            let scored = DossierScorer.score(d, scheme: Fx.mof4, index: index)   // its rows remembered
            second = scored.rows.compactMap(\.value.recipe).first
            #expect(second != nil)
        }
        scoreAndLook()
        #expect(second == nil, "the remembered rows let the scoring's rows go")
        let third = DossierScorer.score(d, scheme: Fx.mof4, index: index)   // rows from the memo
        let recipes = third.rows.compactMap(\.value.recipe)
        #expect(recipes.count == index.leafPositions.count - template.nodes.filter { $0.kind == .trial }.count)
        #expect(recipes.allSatisfy { $0 === recipes[0] }, "every row made from the third scoring's recipe")
        #expect(Self.texts(third) == Self.expected(d, index))
    }

    @Test func aRowsTextsCanBeSetAsBefore() {
        let template = RollupBehaviourTests.template()
        let d = Fx.dossier(template, results: [RollupBehaviourTests.result("1.2", own: "20", review: "18.5", actual: "92.5%")])
        var row = DossierScorer.score(d, scheme: Fx.mof4, index: TemplateIndex(template)).rows["1.2"]!
        let explanation = row.explanation
        #expect(explanation.contains("92.5%") && row.measure == Fx.dec("92.5"))
        row.measure = 7
        #expect(row.measure == 7 && row.explanation == explanation)
        row.explanation = "改写"
        #expect(row.measure == 7 && row.explanation == "改写")
    }
}
