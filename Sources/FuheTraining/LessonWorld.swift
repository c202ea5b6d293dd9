import FuheCore

/// What a lesson check can see: the workstation's screen state and the dossiers in the store.
/// The workstation builds one after every key; tests build them by hand.
public struct LessonWorld {
    /// The dossier whose scoresheet is open.
    public var openDossierID: String?
    public var focus: LessonPane
    /// Code of the scoresheet row under the cursor.
    public var selectedRowCode: String?
    /// Id of the rectification item under the cursor.
    public var selectedItemID: String?
    /// Code of the validation message under the cursor while the validation list is open.
    public var selectedMessageCode: String?
    /// Reads a dossier (nil when it does not exist).
    public var dossier: (String) -> Dossier?

    public init(openDossierID: String?, focus: LessonPane, selectedRowCode: String? = nil, selectedItemID: String? = nil,
                selectedMessageCode: String? = nil, dossier: @escaping (String) -> Dossier?) {
        self.openDossierID = openDossierID
        self.focus = focus
        self.selectedRowCode = selectedRowCode
        self.selectedItemID = selectedItemID
        self.selectedMessageCode = selectedMessageCode
        self.dossier = dossier
    }
}

/// The findings and items each dossier had when a lesson started, so that "a new finding" means
/// one the trainee made.
public struct LessonBaseline: Sendable, Equatable {
    public var findings: [String: Set<String>]
    public var items: [String: Set<String>]

    public init(findings: [String: Set<String>] = [:], items: [String: Set<String>] = [:]) {
        self.findings = findings
        self.items = items
    }

    /// Records the findings and items of `dossiers` as they are in `world`.
    public init(dossiers: [String], world: LessonWorld) {
        self.init()
        for id in dossiers {
            guard let d = world.dossier(id) else { continue }
            findings[id] = Set(d.findings.map(\.id))
            items[id] = Set(d.items.map(\.id))
        }
    }
}
