import Testing
@testable import FuheCore

@Suite struct TemplateRulesTests {
    typealias F = LifecycleFixtures

    @Test func soundTemplateHasNoMessages() {
        #expect(TemplateRules.validate(F.template()).isEmpty)
    }

    @Test func childWeightsNotSummingToParentIsT001() {
        var t = F.template()
        t.nodes[2].weight = F.score("8")   // 1.2 预算执行 10 → 8; 1.1 + 1.2 = 18 ≠ 20
        t.nodes[2].maxScore = F.score("8")
        let messages = TemplateRules.validate(t)
        #expect(messages.map(\.code) == ["T-001"])
        #expect(messages[0].nodeID == "N1")
        #expect(messages[0].level == .error)
        #expect(messages[0].message.contains("18.00"))
        #expect(messages[0].message.contains("20.00"))
    }

    @Test func l1WeightsNotSummingToBaseTotalIsT002() {
        var t = F.template()
        t.nodes[3].weight = F.score("75")
        t.nodes[3].maxScore = F.score("75")
        let messages = TemplateRules.validate(t)
        #expect(messages.map(\.code) == ["T-002"])
        #expect(messages[0].message.contains("95.00"))
        #expect(messages[0].message.contains("100.00"))
    }

    @Test func trialAndAdjustChildrenDoNotCountTowardTheSum() {
        let trial = F.node("N13", parent: "N1", code: "1.3", level: 2, name: "试评价", kind: .trial, weight: "0")
        #expect(TemplateRules.validate(F.template([trial])).isEmpty)
    }

    @Test func duplicateCodeIsT000() {
        let dup = F.node("N3", parent: nil, code: "2", level: 1, name: "效益", weight: "0.01")
        let messages = TemplateRules.validate(F.template([dup]))
        #expect(messages.contains { $0.code == "T-000" && $0.nodeID == "N3" && $0.field == "code" })
    }

    @Test func wrongChildLevelIsT000() {
        let deep = F.node("N111", parent: "N11", code: "1.1.1", level: 4, name: "编制科学性", weight: "10")
        let messages = TemplateRules.validate(F.template([deep]))
        #expect(messages.map(\.code) == ["T-000"])
        #expect(messages[0].field == "level")
        #expect(messages[0].message.contains("1.1.1"))
    }

    @Test func rootWithLevelOtherThanOneIsT000() {
        var t = F.template()
        t.nodes[3].level = 2
        #expect(TemplateRules.validate(t).contains { $0.code == "T-000" && $0.nodeID == "N2" && $0.field == "level" })
    }

    @Test func missingParentIsT000() {
        let orphan = F.node("NX", parent: "NOPE", code: "5.1", level: 2, name: "孤立指标", kind: .trial, weight: "0")
        let messages = TemplateRules.validate(F.template([orphan]))
        #expect(messages.map(\.code) == ["T-000"])
        #expect(messages[0].field == "parent_id")
        #expect(messages[0].message.contains("NOPE"))
    }

    @Test func baseWeightNotPositiveIsT000() {
        var t = F.template()
        t.nodes[3].weight = .zero
        t.nodes[3].maxScore = .zero
        let messages = TemplateRules.validate(t)
        #expect(messages.contains { $0.code == "T-000" && $0.nodeID == "N2" && $0.field == "weight" })
        #expect(messages.contains { $0.code == "T-002" })
    }

    @Test func minAboveMaxIsT000() {
        var t = F.template()
        t.nodes[4].minScore = F.score("4")
        let messages = TemplateRules.validate(t)
        #expect(messages.map(\.code) == ["T-000"])
        #expect(messages[0].field == "min_score")
        #expect(messages[0].message.contains("4.00"))
    }

    @Test func adjustNodeUnderBaseParentIsT000() {
        let adjust = F.node("N21", parent: "N2", code: "2.1", level: 2, name: "创新加分", kind: .adjust,
                            weight: "0", max: "2")
        let messages = TemplateRules.validate(F.template([adjust]))
        #expect(messages.map(\.code) == ["T-000"])
        #expect(messages[0].nodeID == "N21")
        #expect(messages[0].field == "kind")
    }
}
