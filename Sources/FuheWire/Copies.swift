import FuheCore

/// `POST /v1/checkout/start`: the units to take out; the answer reserves a lease id and carries
/// the dossiers to write into the copy.
public struct CheckoutStart: Codable, Sendable {
    public var dossierIDs: [String]
    public init(dossierIDs: [String]) { self.dossierIDs = dossierIDs }
}

public struct CheckoutTicket: Codable, Sendable {
    public var leaseID: String
    /// The server's store id (the copy's source).
    public var storeID: String
    public var since: String
    public var bundle: DossierBundle
    /// Units already out, as "unit 已借出给 …" warnings.
    public var warnings: [String]
    public init(leaseID: String, storeID: String, since: String, bundle: DossierBundle, warnings: [String]) {
        self.leaseID = leaseID; self.storeID = storeID; self.since = since; self.bundle = bundle; self.warnings = warnings
    }
}

/// `POST /v1/checkout/commit`: the copy is written; the server records the lease when the base
/// still matches what it holds.
public struct CheckoutCommit: Codable, Sendable {
    public var leaseID: String
    public var dossierIDs: [String]
    public var copyStoreID: String
    public var baseDigest: String
    public var holder: String
    public var outPath: String
    public var since: String
    public init(leaseID: String, dossierIDs: [String], copyStoreID: String, baseDigest: String, holder: String, outPath: String, since: String) {
        self.leaseID = leaseID; self.dossierIDs = dossierIDs; self.copyStoreID = copyStoreID; self.baseDigest = baseDigest
        self.holder = holder; self.outPath = outPath; self.since = since
    }
}

/// A lease as `fuhe leases` shows it.
public struct WireLease: Codable, Sendable, Hashable {
    public var id: String, holder: String, actor: String, since: String, outPath: String, status: String
    public var dossierIDs: [String]
    public var mergedAt: String?, mergedBy: String?, unmergeable: String?
    public var team: String
    public init(id: String, holder: String, actor: String, since: String, outPath: String, status: String, dossierIDs: [String],
                mergedAt: String?, mergedBy: String?, unmergeable: String?, team: String) {
        self.id = id; self.holder = holder; self.actor = actor; self.since = since; self.outPath = outPath; self.status = status
        self.dossierIDs = dossierIDs; self.mergedAt = mergedAt; self.mergedBy = mergedBy; self.unmergeable = unmergeable; self.team = team
    }
}

/// `POST /v1/leases/ID/release`.
public struct ReleaseRequest: Codable, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// A chained journal entry of a copy (the server verifies the chain itself).
public struct WireChained: Codable, Sendable {
    public var entry: WireEntry
    public var previousHash: String
    public var hash: String
    public init(_ c: ChainedEntry) { entry = WireEntry(c.entry); previousHash = c.previousHash; hash = c.hash }
    public var chained: ChainedEntry { ChainedEntry(entry: entry.entry, previousHash: previousHash, hash: hash) }
}

/// A copy as sent for a merge: where it says it comes from, its base, its values now and its
/// journal. The server checks all of it again (digest, chain, edits outside Fuhe).
public struct CopyUpload: Codable, Sendable {
    public var file: String
    public var copyStoreID: String
    public var sourceStoreID: String
    public var base: [WireEntity]
    public var copy: [WireEntity]
    public var journal: [WireChained]

    public init(file: String, copyStoreID: String, sourceStoreID: String, base: EntitySnapshot, copy: EntitySnapshot, journal: [ChainedEntry]) {
        self.file = file; self.copyStoreID = copyStoreID; self.sourceStoreID = sourceStoreID
        self.base = Self.entities(base); self.copy = Self.entities(copy); self.journal = journal.map(WireChained.init)
    }

    public static func entities(_ s: EntitySnapshot) -> [WireEntity] { s.keys.sorted().map { WireEntity(key: WireKey($0), json: s[$0] ?? "") } }
    public static func snapshot(_ e: [WireEntity]) -> EntitySnapshot { Dictionary(e.map { ($0.key.key, $0.json) }, uniquingKeysWith: { a, _ in a }) }
}

/// What the server holds for a lease's units: enough for the client to make the same plan
/// (`ThreeWayMerge.plan` with `CopyChecks.validator`) and show the conflict pane.
public struct MergeBasis: Codable, Sendable {
    public var lease: WireLease
    public var main: [WireEntity]
    public var locked: [String]
    public var mainJournalSeq: Int64
    public var alreadyMerged: Bool
    /// The lease's dossiers as the server holds them (names for the plan and the pane).
    public var bundle: DossierBundle
    public init(lease: WireLease, main: EntitySnapshot, locked: [String], mainJournalSeq: Int64, alreadyMerged: Bool, bundle: DossierBundle) {
        self.lease = lease; self.main = CopyUpload.entities(main); self.locked = locked; self.mainJournalSeq = mainJournalSeq
        self.alreadyMerged = alreadyMerged; self.bundle = bundle
    }
}

/// `POST /v1/leases/ID/merge`.
public struct MergeRequest: Codable, Sendable {
    public var copy: CopyUpload
    /// Conflict id → "main", "copy" or "value:<JSON>".
    public var decisions: [String: String]
    public var mainJournalSeq: Int64
    public var closeEmpty: Bool
    public var session: String
    public init(copy: CopyUpload, decisions: [String: MergeDecision], mainJournalSeq: Int64, closeEmpty: Bool, session: String) {
        self.copy = copy
        self.decisions = decisions.mapValues { d in
            switch d {
            case .main: "main"
            case .copy: "copy"
            case .value(let v): "value:" + v
            }
        }
        self.mainJournalSeq = mainJournalSeq; self.closeEmpty = closeEmpty; self.session = session
    }

    public var modelDecisions: [String: MergeDecision] {
        decisions.mapValues { t in t == "main" ? .main : t == "copy" ? .copy : .value(String(t.dropFirst(6))) }
    }
}

/// What a merge did.
public struct MergeAnswer: Codable, Sendable {
    public var batch: Int64?
    public var fieldsChanged: Int
    public var conflictsDecided: Int
    public var alreadyMerged: Bool
    public var leftOpen: Bool
    public init(batch: Int64?, fieldsChanged: Int, conflictsDecided: Int, alreadyMerged: Bool, leftOpen: Bool) {
        self.batch = batch; self.fieldsChanged = fieldsChanged; self.conflictsDecided = conflictsDecided
        self.alreadyMerged = alreadyMerged; self.leftOpen = leftOpen
    }
}
