import Foundation

/// Reads the stored rows `fuhe check`, import and merge read by the hundred thousand — scoresheet
/// rows, items, findings, evidence; each dossier's self-evaluation, unit, cycle and team
/// (`StoredRecordReader.swift`); and templates (`StoredTemplateReader.swift`) — straight into
/// their fields, without `Decoder` machinery. It reads exactly what the synthesized `Decodable`
/// of each type reads from the text the store writes (every member by name, optional members
/// absent or `null`); anything else (an unknown, escaped or repeated key, a missing member, a
/// value of another form) throws `StoredJSONReader.Unsupported`, and `StoredJSONReader` then
/// reads the text through the tree, `StoredJSON.decode` through `JSONDecoder`: their value or
/// error is the answer.
enum StoredRowReader {
    /// The row types read here; nil for any other type.
    static func decode<T>(_ type: T.Type, _ text: String) throws -> T? {
        var copy = text
        return try copy.withUTF8 { try decode(type, utf8: $0) }
    }

    /// The same from the text's UTF-8 bytes, which need not be valid: only ASCII bytes delimit
    /// JSON's strings, and a maximal invalid sequence (bytes of 0x80 and above) never reaches
    /// past one, so each string kept is repaired exactly as it would be in
    /// `String(decoding: bytes, as: UTF8.self)` — the value is that text's.
    static func decode<T>(_ type: T.Type, utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> T? {
        if T.self == IndicatorResult.self { return try read(bytes) { try $0.indicatorResult() } as? T }
        if T.self == RectificationItem.self { return try read(bytes) { try $0.rectificationItem() } as? T }
        if T.self == Finding.self { return try read(bytes) { try $0.finding() } as? T }
        if T.self == Evidence.self { return try read(bytes) { try $0.evidence() } as? T }
        if T.self == SelfEvaluation.self { return try read(bytes) { try $0.selfEvaluation() } as? T }
        if T.self == EvaluatedUnit.self { return try read(bytes) { try $0.evaluatedUnit() } as? T }
        if T.self == EvaluationCycle.self { return try read(bytes) { try $0.evaluationCycle() } as? T }
        if T.self == [TeamMember].self { return try read(bytes) { try $0.list { try $0.teamMember() } } as? T }
        if T.self == Review.self { return try read(bytes) { try $0.review() } as? T }
        if T.self == IndicatorTemplate.self { return try read(bytes) { try $0.indicatorTemplate() } as? T }
        return nil
    }

    private static func read<T>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout ReaderParser) throws -> T) throws -> T {
        var parser = ReaderParser(bytes: bytes)
        let value = try body(&parser)
        try parser.end()
        return value
    }

    static let result = MemberNames(["nodeID", "target", "actual", "selfScore", "selfNote", "verifiedActual", "reviewScore",
                                     "deductionReason", "reviewNote", "evidenceIDs", "status", "reviewedBy", "reviewedAt",
                                     "question", "queriedBy", "queriedAt"])
    static let observed = MemberNames(["text", "number", "met", "level", "items"])
    static let evidence = MemberNames(["id", "title", "kind", "locator", "providedBy", "receivedOn", "verified"])
    static let finding = MemberNames(["id", "seq", "nodeID", "category", "description", "amountInvolved", "basis", "origin",
                                      "severity", "recommendation", "ruleCode", "repeatOf"])
    static let item = MemberNames(["id", "findingID", "seq", "measure", "rectType", "respUnit", "respPerson", "respLeader",
                                   "createdOn", "deadline", "nextCheckOn", "status", "progress", "completionDesc", "submittedOn",
                                   "deadlineHistory", "evidenceIDs", "closedBy", "closedOn", "closureNote", "returnCount",
                                   "longTermSince", "escalations"])
    static let progress = MemberNames(["date", "text", "by", "percent"])
    static let deadlineChange = MemberNames(["old", "new", "reason", "by", "on"])
    static let escalation = MemberNames(["kind", "date", "by", "reason", "target"])
}

private func missing() -> StoredJSONReader.Unsupported { StoredJSONReader.Unsupported() }

extension ReaderParser {
    mutating func indicatorResult() throws -> IndicatorResult {
        var nodeID: String?, evidenceIDs: [String]?, status: RowStatus?
        var r = IndicatorResult(nodeID: "")
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.result, &members) {
            switch i {
            case 0: nodeID = try text()
            case 1: r.target = try null() ? nil : observedValue()
            case 2: r.actual = try null() ? nil : observedValue()
            case 3: r.selfScore = try null() ? nil : score()
            case 4: r.selfNote = try optionalText()
            case 5: r.verifiedActual = try null() ? nil : observedValue()
            case 6: r.reviewScore = try null() ? nil : score()
            case 7: r.deductionReason = try optionalText()
            case 8: r.reviewNote = try optionalText()
            case 9: evidenceIDs = try texts()
            case 10: status = try choice(RowStatus.self)
            case 11: r.reviewedBy = try optionalText()
            case 12: r.reviewedAt = try null() ? nil : date()
            case 13: r.question = try optionalText()
            case 14: r.queriedBy = try optionalText()
            default: r.queriedAt = try null() ? nil : date()
            }
        }
        guard let nodeID, let evidenceIDs, let status else { throw missing() }
        r.nodeID = nodeID
        r.evidenceIDs = evidenceIDs
        r.status = status
        return r
    }

    mutating func observedValue() throws -> ObservedValue {
        var text: String?
        var v = ObservedValue(text: "")
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.observed, &members) {
            switch i {
            case 0: text = try self.text()
            case 1: v.number = try null() ? nil : decimal()
            case 2: v.met = try null() ? nil : bool()
            case 3: v.level = try null() ? nil : choice(QualLevel.self)
            default: v.items = try null() ? nil : texts()
            }
        }
        guard let text else { throw missing() }
        v.text = text
        return v
    }

    mutating func evidence() throws -> Evidence {
        var id: String?, title: String?, kind: EvidenceKind?, providedBy: EvidenceSource?, verified: Bool?
        var locator: String?, receivedOn: CalendarDay?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.evidence, &members) {
            switch i {
            case 0: id = try text()
            case 1: title = try text()
            case 2: kind = try choice(EvidenceKind.self)
            case 3: locator = try optionalText()
            case 4: providedBy = try choice(EvidenceSource.self)
            case 5: receivedOn = try null() ? nil : day()
            default: verified = try bool()
            }
        }
        guard let id, let title, let kind, let providedBy, let verified else { throw missing() }
        return Evidence(id: id, title: title, kind: kind, locator: locator, providedBy: providedBy, receivedOn: receivedOn, verified: verified)
    }

    mutating func finding() throws -> Finding {
        var id: String?, seq: Int?, category: FindingCategory?, description: String?, origin: FindingOrigin?, severity: Severity?
        var nodeID: String?, amount: Money?, basis: String?, recommendation: String?, ruleCode: String?, repeatOf: String?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.finding, &members) {
            switch i {
            case 0: id = try text()
            case 1: seq = try int()
            case 2: nodeID = try optionalText()
            case 3: category = try choice(FindingCategory.self)
            case 4: description = try text()
            case 5: amount = try null() ? nil : money()
            case 6: basis = try optionalText()
            case 7: origin = try choice(FindingOrigin.self)
            case 8: severity = try choice(Severity.self)
            case 9: recommendation = try optionalText()
            case 10: ruleCode = try optionalText()
            default: repeatOf = try optionalText()
            }
        }
        guard let id, let seq, let category, let description, let origin, let severity else { throw missing() }
        var f = Finding(id: id, seq: seq, nodeID: nodeID, category: category, description: description, amountInvolved: amount,
                        basis: basis, origin: origin, severity: severity, recommendation: recommendation, ruleCode: ruleCode)
        f.repeatOf = repeatOf
        return f
    }

    mutating func rectificationItem() throws -> RectificationItem {
        var id: String?, findingID: String?, seq: Int?, measure: String?, rectType: RectType?, respUnit: String?, respPerson: String?
        var createdOn: CalendarDay?, deadline: CalendarDay?, status: RectStatus?, progress: [ProgressEntry]?
        var deadlineHistory: [DeadlineChange]?, evidenceIDs: [String]?, returnCount: Int?
        var respLeader: String?, nextCheckOn: CalendarDay?, completionDesc: String?, submittedOn: CalendarDay?, closedBy: String?
        var closedOn: CalendarDay?, closureNote: String?, longTermSince: CalendarDay?, escalations: [Escalation]?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.item, &members) {
            switch i {
            case 0: id = try text()
            case 1: findingID = try text()
            case 2: seq = try int()
            case 3: measure = try text()
            case 4: rectType = try choice(RectType.self)
            case 5: respUnit = try text()
            case 6: respPerson = try text()
            case 7: respLeader = try optionalText()
            case 8: createdOn = try day()
            case 9: deadline = try day()
            case 10: nextCheckOn = try null() ? nil : day()
            case 11: status = try choice(RectStatus.self)
            case 12: progress = try list { try $0.progressEntry() }
            case 13: completionDesc = try optionalText()
            case 14: submittedOn = try null() ? nil : day()
            case 15: deadlineHistory = try list { try $0.deadlineChange() }
            case 16: evidenceIDs = try texts()
            case 17: closedBy = try optionalText()
            case 18: closedOn = try null() ? nil : day()
            case 19: closureNote = try optionalText()
            case 20: returnCount = try int()
            case 21: longTermSince = try null() ? nil : day()
            default: escalations = try null() ? nil : list { try $0.escalation() }
            }
        }
        guard let id, let findingID, let seq, let measure, let rectType, let respUnit, let respPerson, let createdOn, let deadline,
              let status, let progress, let deadlineHistory, let evidenceIDs, let returnCount else { throw missing() }
        var item = RectificationItem(id: id, findingID: findingID, seq: seq, measure: measure, rectType: rectType, respUnit: respUnit,
                                     respPerson: respPerson, respLeader: respLeader, createdOn: createdOn, deadline: deadline,
                                     nextCheckOn: nextCheckOn, status: status, progress: progress, completionDesc: completionDesc,
                                     submittedOn: submittedOn, deadlineHistory: deadlineHistory, evidenceIDs: evidenceIDs,
                                     closedBy: closedBy, closedOn: closedOn, closureNote: closureNote, returnCount: returnCount,
                                     longTermSince: longTermSince)
        item.escalations = escalations
        return item
    }

    mutating func progressEntry() throws -> ProgressEntry {
        var date: CalendarDay?, text: String?, by: String?, percent: Int?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.progress, &members) {
            switch i {
            case 0: date = try day()
            case 1: text = try self.text()
            case 2: by = try self.text()
            default: percent = try null() ? nil : int()
            }
        }
        guard let date, let text, let by else { throw missing() }
        return ProgressEntry(date: date, text: text, by: by, percent: percent)
    }

    mutating func deadlineChange() throws -> DeadlineChange {
        var old: CalendarDay?, new: CalendarDay?, reason: String?, by: String?, on: CalendarDay?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.deadlineChange, &members) {
            switch i {
            case 0: old = try day()
            case 1: new = try day()
            case 2: reason = try text()
            case 3: by = try text()
            default: on = try day()
            }
        }
        guard let old, let new, let reason, let by, let on else { throw missing() }
        return DeadlineChange(old: old, new: new, reason: reason, by: by, on: on)
    }

    mutating func escalation() throws -> Escalation {
        var kind: EscalationKind?, date: CalendarDay?, by: String?, reason: String?, target: String?
        var members = try openObject()
        while let i = try nextMember(StoredRowReader.escalation, &members) {
            switch i {
            case 0: kind = try choice(EscalationKind.self)
            case 1: date = try day()
            case 2: by = try text()
            case 3: reason = try text()
            default: target = try optionalText()
            }
        }
        guard let kind, let date, let by, let reason else { throw missing() }
        return Escalation(kind: kind, date: date, by: by, reason: reason, target: target)
    }
}
