/// One draft in the intake queue, as the queue screen lists it.
public struct IntakeQueueEntry: Sendable, Hashable, Identifiable {
    public enum Status: String, Sendable {
        /// Awaiting confirmation.
        case open
        /// Became a dossier (`dossierID`).
        case converted
        /// Set aside by the reviewer.
        case discarded
    }

    public var id: String
    public var position: Int
    public var status: Status
    public var sourceFile: String
    public var title: String
    /// The unit as it stands (confirmed, corrected or proposed), nil when none.
    public var unitName: String?
    public var year: String?
    public var createdAt: String
    public var createdBy: String
    public var dossierID: String?
    /// Values decided out of those the readiness rule counts.
    public var settled: Int
    public var required: Int
    public var ready: Bool
    /// Checks that did not add up (errors and hints).
    public var problems: Int
    /// The evaluation type as it stands (decided or proposed).
    public var evalType: EvalType?
    /// The template as it stands, and how well the reader found it fits ("0.97"; nil once the
    /// reviewer chose another).
    public var templateID: String?
    public var templateFit: String?

    public init(id: String, position: Int, status: Status, sourceFile: String, title: String, unitName: String?, year: String?,
                createdAt: String, createdBy: String, dossierID: String?, settled: Int, required: Int, ready: Bool, problems: Int,
                evalType: EvalType? = nil, templateID: String? = nil, templateFit: String? = nil) {
        self.id = id
        self.position = position
        self.status = status
        self.sourceFile = sourceFile
        self.title = title
        self.unitName = unitName
        self.year = year
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.dossierID = dossierID
        self.settled = settled
        self.required = required
        self.ready = ready
        self.problems = problems
        self.evalType = evalType
        self.templateID = templateID
        self.templateFit = templateFit
    }
}
