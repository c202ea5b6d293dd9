import Foundation
import Testing
import GRDB
import FuheCore
import FuheExchange
import FuheIntake
import FuheStore
import FuheTestSupport

/// The intake queue in the store: drafts queued, every decision journalled, readiness, ONE
/// journalled conversion into a dossier with its report text and finding suggestions; the text
/// travels in exports and offline copies and cannot be changed on the way.
@Suite struct StoreIntakeTests {
    static func drafts(_ file: String) throws -> [IntakeDraft] {
        try Intake.drafts(path: IntakeFixtures.reportsDirectory.appendingPathComponent(file).path, templates: IntakeFixtures.templates)
    }

    /// 江华 (004 #3) decided as a reviewer would: the unit and year corrected (the report prints
    /// "县政务服务中心" and "20xx"), everything else accepted.
    static func confirmJianghua(_ store: FuheStore, _ id: String) throws {
        try store.decideIntakeValue(draftID: id, valueID: "unit", decision: .corrected("江华瑶族自治县政务服务中心"), actor: "李审")
        try store.decideIntakeValue(draftID: id, valueID: "year", decision: .corrected("2021"), actor: "李审")
        try store.acceptAllIntakeValues(draftID: id, actor: "李审")
    }

    @Test func queueDecideAndConvertInOneJournalledImport() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let drafts = try Self.drafts("004_f444a14e3d1f7ac3.txt")
        try s.store.enqueueDrafts(drafts, actor: "李审")
        let queue = try s.store.intakeQueue()
        #expect(queue.count == 5 && queue.allSatisfy { $0.status == .open && !$0.ready })
        let id = drafts[2].id
        let before = try s.store.intakeReadiness(draftID: id)
        #expect(before.blockers.contains { $0.valueID == "year" && $0.message.contains("原文未找到") })
        try Self.confirmJianghua(s.store, id)
        #expect(try s.store.intakeReadiness(draftID: id).isReady)
        let journalBefore = try s.store.journalCount()
        let dossierID = try s.store.convertIntakeDraft(draftID: id, actor: "李审")
        let d = try s.store.dossier(id: dossierID)
        #expect(d.unit.name == "江华瑶族自治县政务服务中心" && d.unit.staffingQuota == 10 && d.unit.headcount == 4)
        #expect(d.cycle.fiscalYear == 2021 && d.cycle.yearIsDemo)
        #expect(d.template.id == "T4" && d.evaluation.statedTotals == [Score("100")!])
        #expect(d.results.count == 23 && d.results["T4-2.1"]?.selfScore == Score("20"))
        #expect(d.review == nil && d.findings.isEmpty && d.items.isEmpty, "nothing invented: no review, findings, people or deadlines")
        #expect(d.evaluation.basisDocs.count == 2 && d.evaluation.statedProblems.count == 2)
        let warnings = DossierChecks.warnings(d, scheme: .mof4)
        #expect(warnings.contains { $0.code == "S-002" && $0.nodeID == "T4-2.1" }, "the 20 vs 5+5+1 subtotal is a rule flag on the row")
        // One batch: the import and the draft's status.
        let entries = try s.store.journal(limit: 400).filter { $0.seq > 0 }.prefix(try s.store.journalCount() - journalBefore)
        #expect(Set(entries.map(\.batch)).count == 1)
        #expect(entries.contains { $0.record.entity == "dossier" && $0.record.origin == "intake" })
        #expect(entries.contains { $0.record.entity == "intake" && $0.record.field == "status" && $0.record.new == "\"converted:\(dossierID)\"" })
        #expect((try? s.store.revert(batch: entries[0].batch, actor: "李审", session: "s")) == nil, "a conversion is an import: undo leaves it")
        #expect(try s.store.dossierIDs() == [dossierID])
        #expect(try s.store.intakeQueue().count == 4)
        #expect(try s.store.intakeQueue(includeClosed: true).first { $0.id == id }?.dossierID == dossierID)
        // The 原文 API.
        let source = try #require(try s.store.reportSource(dossierID: dossierID))
        #expect(source.text == drafts[2].source.text && source.firstLine == 207)
        let spans = source.spans(forRow: "T4-2.1")
        #expect(spans.first?.line == 235 && source.passage(spans[0]).contains("预算执行得20分"))
        #expect(source.rows(atLine: 235).contains("T4-2.1.3"))
        #expect(source.fieldSpans["stated_totals"]?.first?.line == 227)
        #expect(!source.highlights(onLine: 231).isEmpty)
        #expect(throws: StoreError.self) { try s.store.decideIntakeValue(draftID: id, valueID: "unit", decision: .accepted, actor: "李审") }
    }

    @Test func conversionRefusedUntilReadyAndNothingWritten() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let drafts = try Self.drafts("004_f444a14e3d1f7ac3.txt")
        try s.store.enqueueDrafts(drafts, actor: "李审")
        let journal = try s.store.journalCount()
        #expect {
            try s.store.convertIntakeDraft(draftID: drafts[2].id, actor: "李审")
        } throws: { ($0 as? StoreError)?.description.contains("尚未确认完毕") == true }
        #expect(try s.store.isEmpty() && s.store.journalCount() == journal)
        // Accept-all leaves the unknown year pending: the reviewer must give it.
        try s.store.acceptAllIntakeValues(draftID: drafts[2].id, actor: "李审")
        let r = try s.store.intakeReadiness(draftID: drafts[2].id)
        #expect(r.blockers.map(\.valueID) == ["year"])
        #expect(throws: StoreError.self) { try s.store.decideIntakeValue(draftID: drafts[2].id, valueID: "year", decision: .corrected("二〇二一"), actor: "李审") }
        #expect(throws: StoreError.self) { try s.store.enqueueDrafts([drafts[0]], actor: "李审") }
    }

    @Test func decisionsAreJournalledAndRemapIsAChoice() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let d = try Self.drafts("004_f444a14e3d1f7ac3.txt")[2]
        try s.store.enqueueDrafts([d], actor: "李审")
        try s.store.decideIntakeValue(draftID: d.id, valueID: "indicator.3", decision: .absent, actor: "李审")
        let e = try #require(try s.store.journal(entity: "intake", field: "indicator.3").first)
        #expect(e.record.entityID == d.id && e.record.actor == "李审" && (e.record.new ?? "").contains("absent"))
        let t4 = try #require(try s.store.template(id: "T4"))
        let choices = d.nodeChoices(in: t4)
        #expect(choices.count == t4.nodes.count && choices.first { $0.code == "2.1.4" }?.takenBy == nil)
        try s.store.remapIntakeIndicator(draftID: d.id, indicatorID: "indicator.9", to: "2.1.4", actor: "李审")
        #expect(try s.store.intakeDraft(id: d.id).indicators.first { $0.id == "indicator.9" }?.match == .chosen)
        #expect(throws: StoreError.self) { try s.store.remapIntakeIndicator(draftID: d.id, indicatorID: "indicator.8", to: "2.1.4", actor: "李审") }
        #expect(throws: StoreError.self) { try s.store.remapIntakeIndicator(draftID: d.id, indicatorID: "indicator.8", to: "9.9", actor: "李审") }
        // Choosing another template re-maps by name.
        try s.store.decideIntakeValue(draftID: d.id, valueID: "template", decision: .corrected("T3"), actor: "李审")
        let remapped = try s.store.intakeDraft(id: d.id)
        #expect(remapped.indicators.first { $0.label == "在职人员控制率" }?.node == "1.1.1")
        #expect(remapped.indicators.first { $0.label == "预算执行" }?.node == "2.1")
        #expect(throws: StoreError.self) { try s.store.decideIntakeValue(draftID: d.id, valueID: "template", decision: .corrected("T1"), actor: "李审") }
    }

    @Test func arithmeticBecomesFindingSuggestions() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let d = try #require(try Self.drafts("001_83b6565323139711.txt").first)
        #expect(d.template.value == nil, "no template fits a report without a scoresheet")
        try s.store.enqueueDrafts([d], actor: "李审")
        try s.store.decideIntakeValue(draftID: d.id, valueID: "template", decision: .corrected("T3"), actor: "李审")
        try s.store.acceptAllIntakeValues(draftID: d.id, actor: "李审")
        let id = try s.store.convertIntakeDraft(draftID: d.id, actor: "李审")
        let source = try #require(try s.store.reportSource(dossierID: id))
        let sum = try #require(source.suggestions.first { $0.description.contains("3456.09") })
        #expect(sum.ruleCode == "D-001" && sum.level == .error && sum.amountInvolved == Money(wanYuan: "134.12"))
        #expect(source.suggestions.contains { $0.ruleCode == "D-002" && $0.description.contains("13.80%") })
        #expect(source.suggestions.contains { $0.description.contains("2.91") && $0.description.contains("2.81") })
        let finding = sum.finding(id: "F-1", seq: 1)
        #expect(finding.origin == .autoCheck && finding.ruleCode == "D-001" && finding.basis?.contains("第91行") == true)
        try s.store.apply([.finding(finding)], to: id, base: .seen(try s.store.dossier(id: id)), actor: "李审")
        #expect(try s.store.dossier(id: id).findings.count == 1)
        let dossier = try s.store.dossier(id: id)
        #expect(dossier.evaluation.statedTotals == [Score("90")!] && dossier.evaluation.statedGrade == nil)
        #expect(dossier.evaluation.reportDate == CalendarDay("2021-04-20") && dossier.evaluation.statedMeasures.count == 6)
    }

    @Test func reportTextTravelsInExportsAndCopiesUnchanged() throws {
        let s = try SampleStore(samples: false)
        defer { s.remove() }
        let d = try Self.drafts("004_f444a14e3d1f7ac3.txt")[2]
        try s.store.enqueueDrafts([d], actor: "李审")
        try Self.confirmJianghua(s.store, d.id)
        let id = try s.store.convertIntakeDraft(draftID: d.id, actor: "李审")
        let source = try #require(try s.store.reportSource(dossierID: id))
        // Export and import.
        let json = DossierEncoder.encode([try s.store.dossier(id: id)], sharedTemplateIDs: try s.store.bundledTemplateIDs(),
                                         sources: [id: source])
        let file = try DossierDecoder.decode(Array(json.utf8), file: "out.json") { try? s.store.template(id: $0) }
        #expect(file.sources[id] == source)
        let other = try SampleStore(samples: false)
        defer { other.remove() }
        try other.store.importDossiers(file.dossiers, actor: "王", sources: file.sources)
        #expect(try other.store.reportSource(dossierID: id) == source)
        // A text changed in the file is refused, and nothing is imported.
        let third = try SampleStore(samples: false)
        defer { third.remove() }
        let edited = json.replacingOccurrences(of: "预算执行得20分", with: "预算执行得11分")
        let tampered = try DossierDecoder.decode(Array(edited.utf8), file: "out.json") { try? s.store.template(id: $0) }
        #expect(throws: StoreError.self) { try third.store.importDossiers(tampered.dossiers, actor: "王", sources: tampered.sources) }
        #expect(try third.store.isEmpty())
        // Offline copy: the text goes with it; a copy whose text was edited is refused at merge.
        let copyPath = s.directory.appendingPathComponent("copy.sqlite").path
        try s.store.checkout(dossierIDs: [id], to: copyPath, holder: "张三", actor: "李审")
        let copy = try FuheStore.open(path: copyPath, createIfMissing: false)
        #expect(try copy.reportSource(dossierID: id) == source)
        try copy.closeForTransfer()
        _ = try s.store.prepareMerge(copyPath: copyPath)
        let db = try DatabaseQueue(path: copyPath)
        try db.write { db in
            try db.execute(sql: "UPDATE report_source SET json = replace(json, '预算执行得20分', '预算执行得11分')")
        }
        try db.close()
        #expect { try s.store.prepareMerge(copyPath: copyPath) } throws: { "\($0)".contains("report text") }
        #expect(try s.store.check().integrityProblems.isEmpty)
        let reopened = try FuheStore.open(path: copyPath, createIfMissing: false)
        #expect(try reopened.check().integrityProblems.contains { $0.contains("原文与其 SHA-256 不符") })
    }

    @Test func dossiersImportedFromJSONHaveNoText() throws {
        let s = try SampleStore(samples: true)
        defer { s.remove() }
        for id in try s.store.dossierIDs() { #expect(try s.store.reportSource(dossierID: id) == nil) }
    }
}
