import ArgumentParser
import FuheCore

/// The unit filters of `fuhe list`, shared by the commands that work on the units they select
/// (`fuhe report cycle`).
struct UnitFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this evaluation type: PROJECT, DEPT_OVERALL, SPECIAL_FUND.", valueName: "type"))
    var type: String?

    @Option(help: ArgumentHelp("Only this review status: DRAFT, SUBMITTED, FINALIZED.", valueName: "status"))
    var status: String?

    @Flag(help: "Only units with rule flags.")
    var flagged = false

    @Flag(help: "Only units with overdue rectification items.")
    var overdue = false

    /// The filter, or a usage error naming the bad value.
    func filter() throws -> UnitFilter {
        var filter = UnitFilter(flaggedOnly: flagged, overdueOnly: overdue)
        if let type {
            guard let t = EvalType(rawValue: type.uppercased()) else { throw ValidationError("--type must be PROJECT, DEPT_OVERALL or SPECIAL_FUND") }
            filter.evalType = t
        }
        if let status {
            guard let s = ReviewStatus(rawValue: status.uppercased()) else { throw ValidationError("--status must be DRAFT, SUBMITTED or FINALIZED") }
            filter.reviewStatus = s
        }
        return filter
    }

    /// The filter in words ("部门整体支出、有逾期整改事项的单位"), for a document that says what it covers.
    func described() throws -> [String] {
        let f = try filter()
        var words: [String] = []
        if let t = f.evalType { words.append(t.label) }
        if let s = f.reviewStatus { words.append("复核状态为“\(s.label)”") }
        if flagged { words.append("有校验提示的单位") }
        if overdue { words.append("有逾期整改事项的单位") }
        return words
    }
}
