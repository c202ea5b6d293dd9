import Testing
@testable import FuheCore

/// Option values are named in Chinese or English, from one list beside each enum.
@Suite struct NamedChoiceTests {
    @Test func evaluationTypesByEveryName() {
        for name in ["项目支出", "项目", "PROJECT", "project", " Project "] { #expect(EvalType.named(name) == .project, "\(name)") }
        for name in ["部门整体支出", "DEPT_OVERALL", "dept"] { #expect(EvalType.named(name) == .deptOverall, "\(name)") }
        for name in ["专项资金", "special", "SPECIAL_FUND"] { #expect(EvalType.named(name) == .specialFund, "\(name)") }
        #expect(EvalType.named("项目支") == nil)
        #expect(EvalType.named("") == nil)
    }

    @Test func statusesRolesAndSides() {
        #expect(ReviewStatus.named("已定稿") == .finalized)
        #expect(ReviewStatus.named("finalized") == .finalized)
        #expect(ReviewStatus.named("待确认") == .submitted)
        #expect(TeamRole.named("组长") == .leader)
        #expect(TeamRole.named("LEADER") == .leader)
        #expect(MergePreference.named("副本") == .copy)
        #expect(MergePreference.named("main")?.decision == .main)
    }

    @Test func aNameAsWrittenNeedsNoFold() {
        // The CLI's fold reads Chinese through ICU (tens of ms the first time): every start
        // parses --role, so a name given as written is found without it.
        var folded: [String] = []
        let fold: (String) -> String = { folded.append($0); return $0.replacingOccurrences(of: "組", with: "组") }
        #expect(TeamRole.named(" member ", fold: fold) == .member)
        #expect(TeamRole.named("组长", fold: fold) == .leader)
        #expect(folded.isEmpty)
        #expect(TeamRole.named("組長", fold: { $0.replacingOccurrences(of: "組", with: "组").replacingOccurrences(of: "長", with: "长") }) == .leader)
        #expect(TeamRole.named("組", fold: fold) == nil)
        #expect(!folded.isEmpty)
    }

    @Test func aFoldCanMakeTraditionalNamesEqual() {
        let fold: (String) -> String = { $0.replacingOccurrences(of: "項", with: "项") }
        #expect(EvalType.named("項目支出", fold: fold) == .project)
    }

    @Test func theLanguageFollowsThePosixLocaleVariables() {
        #expect(UILanguage.from([:]) == .chinese)
        #expect(UILanguage.from(["LANG": "C"]) == .chinese)
        #expect(UILanguage.from(["LANG": "C.UTF-8"]) == .chinese)
        #expect(UILanguage.from(["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(UILanguage.from(["LANG": "en_US.UTF-8"]) == .english)
        #expect(UILanguage.from(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]) == .english)
        #expect(UILanguage.from(["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"]) == .chinese)
        #expect(UILanguage.from(["LANG": "en_US.UTF-8", "LC_ALL": ""]) == .english)
    }
}
