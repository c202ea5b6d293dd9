/// How a change is stored, the same in every store: the entity it writes (`EntityKey`) and that
/// entity's stored JSON afterwards (nil = removed), and back from stored JSON to a change. The
/// journal diffs these texts field by field (`FieldDiff`).
extension StoreChange {
    /// The entity this change writes, within `dossierID`.
    public func key(dossierID: String) -> EntityKey {
        EntityKey(dossierID: dossierID, entity: entity, id: entityID(dossierID: dossierID))
    }

    /// The entity's stored JSON once the change is written (nil: removed, or no review header).
    public var storedJSON: String? {
        switch self {
        case .result(let r): StoredJSON.encode(r)
        case .evidence(let e): StoredJSON.encode(e)
        case .finding(let f): StoredJSON.encode(f)
        case .item(let i): StoredJSON.encode(i)
        case .review(let r): r.map(StoredJSON.encode)
        case .evaluation(let e): StoredJSON.encode(e)
        case .removeEvidence, .removeFinding, .removeItem: nil
        }
    }

    /// The change that makes an entity equal to `json` (nil json = remove it). A result row is
    /// decoded by `decodeResult` when given (a store's cache of decoded rows).
    public static func making(entity: String, entityID: String, json: String?,
                              decodeResult: ((String) throws -> IndicatorResult)? = nil) throws -> StoreChange {
        switch entity {
        case "result":
            guard let json else { return .result(IndicatorResult(nodeID: entityID)) }
            return .result(try decodeResult?(json) ?? StoredJSON.decode(IndicatorResult.self, json))
        case "evidence":
            guard let json else { return .removeEvidence(id: entityID) }
            return .evidence(try StoredJSON.decode(Evidence.self, json))
        case "finding":
            guard let json else { return .removeFinding(id: entityID) }
            return .finding(try StoredJSON.decode(Finding.self, json))
        case "item":
            guard let json else { return .removeItem(id: entityID) }
            return .item(try StoredJSON.decode(RectificationItem.self, json))
        case "review":
            return .review(try json.map { try StoredJSON.decode(Review.self, $0) })
        case "evaluation":
            guard let json else { throw StoredEntityError.noEvaluation }
            return .evaluation(try StoredJSON.decode(SelfEvaluation.self, json))
        default:
            throw StoredEntityError.unknownEntity(entity)
        }
    }
}

/// Why stored JSON could not be made into a change.
public enum StoredEntityError: Error, Sendable, Equatable, CustomStringConvertible {
    case noEvaluation
    case unknownEntity(String)

    public var description: String {
        switch self {
        case .noEvaluation: tr("无法撤销：没有更早的自评表头", "cannot undo: no earlier self-evaluation header")
        case .unknownEntity(let e): "unknown entity \(e)"
        }
    }
}

/// The journal entries one entity's change makes: one per changed top-level field (old → new JSON
/// text), or one `*` entry when the entity is created or removed.
public enum FieldDiff {
    public struct Change: Sendable, Hashable {
        public var field: String
        public var old: String?
        public var new: String?
    }

    /// Nothing when the texts are equal.
    public static func changes(old: String?, new: String?) -> [Change] {
        guard old != new else { return [] }
        if old == nil || new == nil { return [Change(field: "*", old: old, new: new)] }
        let oldFields = JSONFields.split(old)
        let newFields = JSONFields.split(new)
        return Set(oldFields.keys).union(newFields.keys).sorted().compactMap { name in
            oldFields[name] == newFields[name] ? nil : Change(field: name, old: oldFields[name], new: newFields[name])
        }
    }
}
