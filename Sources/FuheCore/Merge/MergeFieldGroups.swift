/// Which fields of an entity are decided together in a conflict, and which list fields merge
/// element-wise. A review score travels with its deduction reason, the verified actual it was
/// computed from, and who reviewed it when — a row is taken from main or from the copy as a whole
/// decision ("this row from main / from the copy"), so the score never ends up with the other
/// side's reason or figure. An item's status travels with the dates and notes its lifecycle step
/// set — taking one without the others would make a state neither side ever had.
public enum MergeFieldGroups {
    /// Groups per entity, primary field first.
    static let groups: [String: [[String]]] = [
        "result": [["reviewScore", "deductionReason", "verifiedActual", "reviewedBy", "reviewedAt", "status"]],
        "item": [["status", "submittedOn", "completionDesc", "closedBy", "closedOn", "closureNote", "returnCount",
                  "longTermSince", "nextCheckOn"]],
        "review": [["status", "submittedAt", "finalizedAt", "frozenTotal", "frozenGrade"]],
    ]

    /// Lists that only grow (progress entries, the deadline history): both sides' appended
    /// entries are kept, base entries first.
    static let appendLists: Set<String> = ["progress", "deadlineHistory"]

    /// Lists of references (evidence ids): additions from both sides are kept, and an id removed
    /// on one side stays removed.
    static let setLists: Set<String> = ["evidenceIDs", "team"]

    /// Start times set independently on both sides (a review started at two sites): the earlier
    /// one is when it started. ISO 8601 text in one time zone orders as time does.
    static let earliest: Set<String> = ["startedAt"]

    /// The fields decided together with `field` (primary first); `[field]` when it stands alone.
    public static func group(of field: String, entity: String) -> [String] {
        groups[entity]?.first { $0.contains(field) } ?? [field]
    }
}
