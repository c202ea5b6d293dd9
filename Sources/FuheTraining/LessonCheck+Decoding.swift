import Foundation
import FuheCore

/// `{"kind": "review_score", "dossier": "SE-HS-ZWZX-2021", "code": "1.1.1", "score": "0.00", "reason": true}`
/// — the JSON form of every check (docs/training.md lists the kinds and their fields).
extension LessonCheck: Decodable {
    static let kinds = ["unit_open", "focus", "row_selected", "message_selected", "item_selected", "verified_actual",
                        "review_score", "reason_text", "finding_added", "item_added", "item_status", "all", "any", "not"]

    public init(from decoder: any Decoder) throws {
        let probe = try decoder.container(keyedBy: AnyKey.self)
        let kind = try probe.decode(String.self, forKey: AnyKey("kind"))
        func fields(_ names: String...) throws -> StrictContainer {
            try StrictContainer(decoder, allowed: Set(["kind"] + names))
        }
        switch kind {
        case "unit_open":
            let c = try fields("dossier")
            self = .unitOpen(dossier: try c.nonBlank("dossier"))
        case "focus":
            let c = try fields("dossier", "pane")
            self = .focus(dossier: try c.nonBlank("dossier"), pane: try c.enumeration("pane", LessonPane.self))
        case "row_selected":
            let c = try fields("dossier", "code")
            self = .rowSelected(dossier: try c.nonBlank("dossier"), code: try c.nonBlank("code"))
        case "message_selected":
            let c = try fields("dossier", "code")
            self = .messageSelected(dossier: try c.nonBlank("dossier"), code: try c.nonBlank("code"))
        case "item_selected":
            let c = try fields("dossier", "item")
            self = .itemSelected(dossier: try c.nonBlank("dossier"), item: try c.nonBlank("item"))
        case "verified_actual":
            let c = try fields("dossier", "code", "value")
            self = .verifiedActual(dossier: try c.nonBlank("dossier"), code: try c.nonBlank("code"), value: try c.decimal("value"))
        case "review_score":
            let c = try fields("dossier", "code", "score", "min", "max", "reason")
            self = .reviewScore(dossier: try c.nonBlank("dossier"), code: try c.nonBlank("code"),
                                condition: ScoreCondition(equals: try c.score("score"), min: try c.score("min"), max: try c.score("max")),
                                reason: try c.bool("reason"))
        case "reason_text":
            let c = try fields("dossier", "code", "contains", "lacks")
            self = .reasonText(dossier: try c.nonBlank("dossier"), code: try c.nonBlank("code"),
                               contains: try c.strings("contains"), lacks: try c.strings("lacks"))
        case "finding_added":
            let c = try fields("dossier", "category", "code", "text_contains", "text_lacks")
            self = .findingAdded(dossier: try c.nonBlank("dossier"), condition: FindingCondition(
                category: try c.optionalEnumeration("category", FindingCategory.self), code: try c.optionalString("code"),
                textContains: try c.strings("text_contains"), textLacks: try c.strings("text_lacks")))
        case "item_added":
            let c = try fields("dossier", "finding", "measure", "measure_contains", "resp_person")
            self = .itemAdded(dossier: try c.nonBlank("dossier"), condition: ItemCondition(
                finding: try c.optionalString("finding"), measureContains: try c.strings("measure_contains"),
                measure: try c.bool("measure"), respPerson: try c.bool("resp_person")))
        case "item_status":
            let c = try fields("dossier", "item", "status", "evidence")
            self = .itemStatus(dossier: try c.nonBlank("dossier"), item: try c.nonBlank("item"),
                               status: try c.enumeration("status", RectStatus.self), evidence: try c.bool("evidence"))
        case "all", "any":
            let c = try fields("checks")
            let checks = try c.keyed.decode([LessonCheck].self, forKey: AnyKey("checks"))
            guard !checks.isEmpty else { throw c.corrupt("checks", "needs at least one check") }
            self = kind == "all" ? .all(checks) : .any(checks)
        case "not":
            let c = try fields("check")
            self = .not(try c.keyed.decode(LessonCheck.self, forKey: AnyKey("check")))
        default:
            throw DecodingError.dataCorruptedError(forKey: AnyKey("kind"), in: probe,
                                                   debugDescription: "\"\(kind)\" is not one of \(Self.kinds.joined(separator: ", "))")
        }
    }
}
