import Testing
@testable import FuheCore

@Suite struct ItemRulesTests {
    typealias F = LifecycleFixtures

    @Test func completeItemHasNoMessages() {
        #expect(ItemRules.validate(F.item()).isEmpty)
        #expect(ItemRules.validate(F.item(status: .closed, completion: "已补办采购手续", evidence: ["E-1"],
                                          closedBy: "王某")).isEmpty)
    }

    @Test func blankRequiredFieldsAreK001() {
        var item = F.item()
        item.measure = "  "
        item.respUnit = ""
        item.respPerson = "\n"
        let messages = ItemRules.validate(item)
        #expect(messages.map(\.code) == ["K-001", "K-001", "K-001"])
        #expect(messages.map(\.field) == ["measure", "resp_unit", "resp_person"])
        #expect(messages.allSatisfy { $0.itemID == "R-1" && $0.level == .error })
    }

    @Test func deadlineBeforeCreationIsK002() {
        let messages = ItemRules.validate(F.item(created: "2021-06-10", deadline: "2021-06-01"))
        #expect(messages.map(\.code) == ["K-002"])
        #expect(messages[0].message.contains("2021-06-01"))
        #expect(messages[0].message.contains("2021-06-10"))
        #expect(ItemRules.validate(F.item(created: "2021-06-10", deadline: "2021-06-10")).isEmpty)
    }

    @Test func submittedNeedsCompletionAndEvidence() {
        let messages = ItemRules.validate(F.item(status: .submitted, submittedOn: "2021-06-28"))
        #expect(messages.map(\.code) == ["K-003", "K-003"])
        #expect(messages.map(\.field) == ["completion_desc", "evidence_ids"])
        #expect(ItemRules.validate(F.item(status: .submitted, completion: "已整改", evidence: ["E-1"])).isEmpty)
    }

    @Test func closedByResponsiblePersonIsK003() {
        let messages = ItemRules.validate(F.item(status: .closed, completion: "已整改", evidence: ["E-1"],
                                                 closedBy: " 张三 "))
        #expect(messages.map(\.code) == ["K-003"])
        #expect(messages[0].field == "closed_by")
        #expect(messages[0].message.contains("张三"))
    }

    @Test func closedWithoutCloserIsK003() {
        let messages = ItemRules.validate(F.item(status: .closed, completion: "已整改", evidence: ["E-1"]))
        #expect(messages.map(\.field) == ["closed_by"])
    }

    @Test func longTermWithoutNextCheckIsK004() {
        let messages = ItemRules.validate(F.item(status: .longTerm, rectType: .longTerm))
        #expect(messages.map(\.code) == ["K-004"])
        #expect(messages[0].field == "next_check_on")
        #expect(ItemRules.validate(F.item(status: .longTerm, deadline: "2021-12-31", nextCheckOn: "2021-09-30")).isEmpty)
        // A next check after the deadline would come too late: K-004 too.
        let late = ItemRules.validate(F.item(status: .longTerm, deadline: "2021-06-30", nextCheckOn: "2021-09-30"))
        #expect(late.map(\.code) == ["K-004"])
        #expect(late.first?.message.contains("晚于整改期限2021-06-30") == true)
        #expect(ItemRules.validate(F.item(status: .longTerm, deadline: "2021-09-30", nextCheckOn: "2021-09-30")).isEmpty)
        // A LONG_TERM type that is still IN_PROGRESS needs no check date yet.
        #expect(ItemRules.validate(F.item(status: .inProgress, rectType: .longTerm)).isEmpty)
    }
}
