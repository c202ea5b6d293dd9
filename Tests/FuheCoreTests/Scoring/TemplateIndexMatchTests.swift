import Foundation
import Testing
@testable import FuheCore

/// `TemplateIndex.matches` recognises equal copies of its template kept in `TemplateCopies` by
/// their storage; a copy that differs anywhere, or a changed copy of a remembered one, is not taken.
@Suite struct TemplateIndexMatchTests {
    static let template = RollupBehaviourTests.template()

    /// An equal template with node storage of its own (as decoding the same text again gives).
    static func separateCopy(_ t: IndicatorTemplate) -> IndicatorTemplate {
        var copy = t
        copy.nodes = t.nodes.map { $0 }
        return copy
    }

    @Test func anEqualCopyMatchesOnceComparedAndIsRemembered() {
        let index = TemplateIndex(Self.template)
        let copy = Self.separateCopy(Self.template)
        #expect(!Self.template.sharesStorage(with: copy))
        #expect(copy == Self.template)
        #expect(index.matches(Self.template))
        #expect(index.copies.count == 0)            // its own template: no copy kept
        #expect(index.matches(copy))
        #expect(index.copies.count == 1)
        #expect(index.matches(copy))                // found by storage this time
        #expect(index.copies.count == 1)
    }

    @Test func aCopyThatDiffersDoesNotMatchEvenAfterAnEqualOneWasRemembered() {
        let index = TemplateIndex(Self.template)
        var copy = Self.separateCopy(Self.template)
        #expect(index.matches(copy))
        copy.nodes[1].name = "在职人员控制率（变）"   // a changed copy of the remembered one
        #expect(!index.matches(copy))
        var renamed = Self.template                 // the index's own node storage, another name
        renamed.name = "另一模板"
        #expect(Self.template.sharesStorage(with: Self.template))
        #expect(!Self.template.sharesStorage(with: renamed))
        #expect(!index.matches(renamed))
        var weighted = Self.separateCopy(Self.template)
        weighted.nodes[5].maxScore = Fx.score("6")
        #expect(!index.matches(weighted))
        #expect(index.copies.count == 1)
    }

    @Test func copiesAreBoundedAndEveryEqualCopyStillMatches() {
        let index = TemplateIndex(Self.template)
        let copies = (0..<(TemplateCopies.limit + 2)).map { _ in Self.separateCopy(Self.template) }
        for copy in copies { #expect(index.matches(copy)) }
        #expect(index.copies.count == TemplateCopies.limit)
        for copy in copies { #expect(index.matches(copy)) }   // a dropped copy is compared again
        #expect(index.copies.count == TemplateCopies.limit)
    }

    @Test func scoringWithAnEqualCopyGivesTheSameResults() {
        let results = [RollupBehaviourTests.result("1.1", own: "20", review: "15", actual: "101%"),
                       RollupBehaviourTests.result("1.2", own: "20", review: "18.5", actual: "92.5%")]
        let first = Fx.dossier(Self.template, results: results)
        let second = Fx.dossier(Self.separateCopy(Self.template), results: results)
        let a = DossierScorer.score(first, scheme: Fx.mof4), b = DossierScorer.score(second, scheme: Fx.mof4)
        #expect(a.index === b.index)
        #expect(a.messages == b.messages)
        #expect(a.total(.review) == b.total(.review))
        #expect(Array(a.rows.map(\.value)) == Array(b.rows.map(\.value)))
    }
}
