import Foundation
import FuheCore

/// A condition on the workstation's state that a lesson step waits for (or that recognises a
/// mistake). Conditions on the store ("the review score of 1.1.1 is 0.00 with a reason") are read
/// from the dossier, and conditions on the screen ("the scoresheet of 赫山 is open") from the
/// workstation's state, so any way of getting there counts.
public indirect enum LessonCheck: Sendable, Equatable {
    /// The dossier's scoresheet is open and focus has left the unit list.
    case unitOpen(dossier: String)
    /// The dossier is open and `pane` has focus.
    case focus(dossier: String, pane: LessonPane)
    /// The scoresheet cursor is on the row with `code`.
    case rowSelected(dossier: String, code: String)
    /// The validation list is open with its cursor on a message with `code` (e.g. "D-002").
    case messageSelected(dossier: String, code: String)
    /// The rectification cursor is on `item`.
    case itemSelected(dossier: String, item: String)
    /// The row has a verified actual; when `value` is given, its number equals it exactly.
    case verifiedActual(dossier: String, code: String, value: Decimal?)
    /// The row has a review score within `condition`; when `reason`, a non-blank deduction reason too.
    case reviewScore(dossier: String, code: String, condition: ScoreCondition, reason: Bool)
    /// The row's deduction reason contains every text of `contains` and none of `lacks` (繁简
    /// alike): a reason that still says 满分 under a score of 0.00 is not a consistent review.
    case reasonText(dossier: String, code: String, contains: [String], lacks: [String])
    /// A finding that was not there when the lesson started matches `condition`.
    case findingAdded(dossier: String, condition: FindingCondition)
    /// A rectification item that was not there when the lesson started matches `condition`.
    case itemAdded(dossier: String, condition: ItemCondition)
    /// The item has `status`; when `evidence`, at least one piece of evidence too.
    case itemStatus(dossier: String, item: String, status: RectStatus, evidence: Bool)
    case all([LessonCheck])
    case any([LessonCheck])
    case not(LessonCheck)

    /// Dossiers this check reads.
    public var dossierIDs: [String] {
        switch self {
        case .unitOpen(let d), .focus(let d, _), .rowSelected(let d, _), .messageSelected(let d, _), .itemSelected(let d, _),
             .verifiedActual(let d, _, _), .reviewScore(let d, _, _, _), .reasonText(let d, _, _, _), .findingAdded(let d, _), .itemAdded(let d, _),
             .itemStatus(let d, _, _, _):
            [d]
        case .all(let checks), .any(let checks): checks.flatMap(\.dossierIDs)
        case .not(let check): check.dossierIDs
        }
    }
}

/// A workstation pane, as lessons name it.
public enum LessonPane: String, Sendable, CaseIterable {
    case units, sheet, items
}

/// Bounds on a review score (all inclusive; nil = no bound).
public struct ScoreCondition: Sendable, Equatable {
    public var equals: Score?
    public var min: Score?
    public var max: Score?

    public init(equals: Score? = nil, min: Score? = nil, max: Score? = nil) {
        self.equals = equals
        self.min = min
        self.max = max
    }

    public func holds(_ score: Score) -> Bool {
        if let equals, score != equals { return false }
        if let min, score < min { return false }
        if let max, score > max { return false }
        return true
    }
}

/// What a new finding must look like.
public struct FindingCondition: Sendable, Equatable {
    public var category: FindingCategory?
    /// The indicator code the finding is linked to.
    public var code: String?
    /// Each of these texts appears in the description.
    public var textContains: [String]
    /// None of these texts appears in the description.
    public var textLacks: [String]

    public init(category: FindingCategory? = nil, code: String? = nil, textContains: [String] = [], textLacks: [String] = []) {
        self.category = category
        self.code = code
        self.textContains = textContains
        self.textLacks = textLacks
    }
}

/// What a new rectification item must look like.
public struct ItemCondition: Sendable, Equatable {
    /// The finding the item belongs to.
    public var finding: String?
    /// Each of these texts appears in the measure.
    public var measureContains: [String]
    /// The measure is not blank.
    public var measure: Bool
    /// The responsible person is not blank.
    public var respPerson: Bool

    public init(finding: String? = nil, measureContains: [String] = [], measure: Bool = false, respPerson: Bool = false) {
        self.finding = finding
        self.measureContains = measureContains
        self.measure = measure
        self.respPerson = respPerson
    }
}
