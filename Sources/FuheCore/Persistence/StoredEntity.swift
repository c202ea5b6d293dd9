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
        guard var old, var new else { return [Change(field: "*", old: old, new: new)] }
        if let direct = old.withUTF8({ o in new.withUTF8 { n in inOrder(o, n) } }) { return direct }
        return bySplitting(old: old, new: new)
    }

    /// The changes from the two texts' field dictionaries (any JSON).
    static func bySplitting(old: String, new: String) -> [Change] {
        let oldFields = JSONFields.split(old)
        let newFields = JSONFields.split(new)
        return Set(oldFields.keys).union(newFields.keys).sorted().compactMap { name in
            oldFields[name] == newFields[name] ? nil : Change(field: name, old: oldFields[name], new: newFields[name])
        }
    }

    /// The same changes, read side by side from two texts whose top-level keys are ASCII and in
    /// ascending byte order (as the store writes them) without building dictionaries; nil for
    /// any other text.
    static func inOrder(_ old: UnsafeBufferPointer<UInt8>, _ new: UnsafeBufferPointer<UInt8>) -> [Change]? {
        guard let a = TopLevelScanner.ordered(old), let b = TopLevelScanner.ordered(new) else { return nil }
        func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var out: [Change] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let order: Int
            if i == a.count { order = 1 } else if j == b.count { order = -1 } else { order = TopLevelScanner.compare(old, a[i].key, new, b[j].key) }
            if order < 0 {
                out.append(Change(field: text(old, a[i].key), old: text(old, a[i].value), new: nil)); i += 1
            } else if order > 0 {
                out.append(Change(field: text(new, b[j].key), old: nil, new: text(new, b[j].value))); j += 1
            } else {
                if TopLevelScanner.compare(old, a[i].value, new, b[j].value) != 0 {
                    let o = text(old, a[i].value), n = text(new, b[j].value)
                    if o != n { out.append(Change(field: text(old, a[i].key), old: o, new: n)) }
                }
                i += 1; j += 1
            }
        }
        return out
    }
}
