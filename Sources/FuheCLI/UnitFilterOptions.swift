import ArgumentParser
import FuheCore

/// The unit filters of `fuhe list`, shared by the commands that work on the units they select
/// (`fuhe report cycle`).
struct UnitFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp(tr("只列这种评价类型：项目支出 (project)、部门整体支出 (dept)、专项资金 (special)。", "Only this evaluation type: 项目支出 (project), 部门整体支出 (dept), 专项资金 (special)."), valueName: "type"),
            completion: Choices.completion(EvalType.self))
    var type: String?

    @Option(help: ArgumentHelp(tr("只列这种复核状态：未开始 (not-started)、复核中 (draft)、待确认 (submitted)、已定稿 (finalized)。", "Only this review status: 未开始 (not-started), 复核中 (draft), 待确认 (submitted), 已定稿 (finalized)."), valueName: "status"),
            completion: Choices.completion(ReviewStage.self))
    var status: String?

    @Flag(help: ArgumentHelp(tr("只列有规则提示的单位。", "Only units with rule flags.")))
    var flagged = false

    @Flag(help: ArgumentHelp(tr("只列有逾期整改事项的单位。", "Only units with overdue rectification items.")))
    var overdue = false

    func validate() throws { _ = try filter() }

    /// The filter, or a usage error naming the bad value (names in Chinese or English, `Choices`).
    func filter() throws -> UnitFilter {
        var filter = UnitFilter(flaggedOnly: flagged, overdueOnly: overdue)
        if let type { filter.evalType = try Choices.parse(type, as: EvalType.self, option: "--type") }
        if let status { filter.reviewStage = try Choices.parse(status, as: ReviewStage.self, option: "--status") }
        return filter
    }

    /// The filter in words ("部门整体支出、有逾期整改事项的单位"), for a document that says what it covers.
    func described() throws -> [String] {
        let f = try filter()
        var words: [String] = []
        if let t = f.evalType { words.append(t.label) }
        if let s = f.reviewStage { words.append("复核状态为“\(s.label)”") }
        if flagged { words.append("有校验提示的单位") }
        if overdue { words.append("有逾期整改事项的单位") }
        return words
    }
}
