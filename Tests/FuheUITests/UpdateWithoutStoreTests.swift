import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// The update driven with no store at all: keys produce state changes and effects (values), and
/// the results are fed back by hand — as a repository that answers later would.
@Suite struct UpdateWithoutStoreTests {
    static let samples = Dictionary((try? BundledData.samples(today: SampleStore.today))?.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
    static let heshan = "SE-HS-ZWZX-2021"

    /// A started workstation with no runner, the unit list answered with two sample units and
    /// 赫山 opened.
    static func workstation(width: Int = 100, height: Int = 30) throws -> Workstation {
        let w = Workstation(runner: nil, actor: Actor(name: "王某", role: .leader), storeLabel: StoreLabel(name: "无库", kind: "main"),
                            clock: FixedClock(day: SampleStore.today), width: width, height: height)
        w.start()
        guard w.pending.count == 3, case .loadSchemes = w.pending[0], case .loadUnits(let request) = w.pending[1],
              case .intake(.queue(false, true)) = w.pending[2] else {
            Issue.record("start asked for \(w.pending)")
            throw CancellationError()
        }
        #expect(request.openFirst)
        w.clearPending()
        w.receive(.schemesLoaded([:]))
        let heshan = try #require(samples[heshan])
        let other = try #require(samples["SE-YYX-TZGZ-2021"])
        let rows = [summary(heshan), summary(other)]
        w.receive(.unitsLoaded(request, UnitPage(total: 2, samples: rows.count { $0.isSample }, start: 0, rows: rows, anchorIndex: nil), leased: [:]))
        // The first unit is opened once the list is in.
        guard case .loadDossier(let open)? = w.pending.first else { Issue.record("no dossier asked for: \(w.pending)"); throw CancellationError() }
        #expect(open.id == Self.heshan && open.mode == .open)
        w.clearPending()
        w.receive(.dossierLoaded(open, heshan))
        // An opened unit also asks what its earlier years bring (open items, findings).
        guard w.pending.count == 1, case .loadCycle(.earlierYears(let id))? = w.pending.first, id == Self.heshan else {
            Issue.record("opening asked for \(w.pending)"); throw CancellationError()
        }
        w.clearPending()
        return w
    }

    static func summary(_ d: Dossier) -> UnitSummary {
        UnitSummary(dossierID: d.id, unitName: d.unit.displayName, fiscalYear: d.cycle.fiscalYear, yearIsDemo: d.cycle.yearIsDemo,
                    evalType: d.evaluation.evalType, status: d.evaluation.status, reviewStatus: d.review?.status, selfTotal: nil, selfGrade: nil,
                    reviewTotal: nil, reviewComplete: false, reviewGrade: nil, reviewedRows: 0, scorableRows: 0, warningCount: 0,
                    openItems: 0, totalItems: d.items.count, overdueItems: 0)
    }

    /// Enter on the open unit: the scoresheet gets the focus and the dossier is asked for again.
    static func openSheet(_ w: Workstation) {
        w.press(.enter)
        #expect(w.state.focus == .sheet)
        guard case .loadDossier(let request)? = w.pending.first, w.pending.count == 1 else { Issue.record("\(w.pending)"); return }
        #expect(request.id == heshan && request.mode == .open)
        w.clearPending()
    }

    /// Moves to a row by code through the search bar (no store involved).
    static func select(_ w: Workstation, code: String) {
        w.press(.character("/"))
        w.type(code)
        w.press(.enter)
    }

    @Test func acceptingASuggestionAsksForOneEditAndItsResultRefreshes() throws {
        let w = try Self.workstation()
        Self.openSheet(w)
        Self.select(w, code: "1.1.1")
        let node = try #require(w.state.selectedRow?.node)
        #expect(node.name == "在职人员控制率")
        w.press(.character("a"))
        guard case .apply(let edit)? = w.pending.first, w.pending.count == 1 else { Issue.record("\(w.pending)"); return }
        // The first edit starts the review: the draft review, then the row as reviewed by 王某.
        #expect(edit.dossierID == Self.heshan && edit.actor == "王某")
        guard case .review(let review)? = edit.changes.first, case .result(let row)? = edit.changes.dropFirst().first else {
            Issue.record("\(edit.changes)"); return
        }
        #expect(review?.status == .draft)
        #expect(row.reviewScore == Score("5") && row.status == .reviewed && row.reviewedBy == "王某")
        #expect(w.state.saveState == .saving)
        #expect(w.screenText.contains("保存中…"))
        // Nothing is on disk until the result is in: the dossier shown is unchanged.
        #expect(w.state.dossier?.result(for: node.id).reviewScore == nil)

        w.clearPending()
        w.receive(.applied(edit, batch: 7))
        #expect(w.state.saveState == .saved)
        #expect(w.state.message == "已采用建议分 5.00")
        #expect(w.state.undo.undo == [UndoEntry(batch: 7, dossierID: Self.heshan)])
        guard w.pending.count == 2, case .loadDossier(let refresh) = w.pending[0], case .refreshUnit(let id, _) = w.pending[1] else {
            Issue.record("\(w.pending)"); return
        }
        #expect(refresh.id == Self.heshan && refresh.mode == .refresh && id == Self.heshan)

        // Undo asks to revert that batch; a revert that comes back empty puts it back.
        w.clearPending()
        w.press(.character("u"))
        guard case .revert(let revert)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(revert == Revert(batch: 7, dossierID: Self.heshan, actor: "王某", direction: .undo))
        #expect(w.state.undo.undo.isEmpty)
        w.clearPending()
        w.receive(.reverted(revert, batch: nil))
        #expect(w.state.undo.undo.count == 1 && w.state.undo.redo.isEmpty)
    }

    @Test func aFormWaitsForItsEditAndStaysOpenWhenTheStoreRefuses() throws {
        let w = try Self.workstation()
        Self.openSheet(w)
        Self.select(w, code: "1.1.1")
        w.press(.enter, .ctrl("u"))
        w.type("9")
        w.press(.ctrl("s"))
        // A rule refuses it in the update: no effect, the form names the rule and the field.
        guard let refused = w.state.overlay as? FormState else { Issue.record("the form closed"); return }
        #expect(refused.error?.contains("R-001") == true && refused.fields[refused.focus].key == "score")
        #expect(w.pending.isEmpty)

        w.press(.ctrl("u"))
        w.type("2.5")
        w.press(.tab)
        w.type("超编1人，酌情扣分")
        w.press(.ctrl("s"))
        guard case .apply(let edit)? = w.pending.first, let waiting = w.state.overlay as? FormState else { Issue.record("\(w.pending)"); return }
        #expect(waiting.pendingEdit == edit.id)
        #expect(edit.changes.contains { if case .result(let r) = $0 { r.reviewScore == Score("2.5") && r.deductionReason == "超编1人，酌情扣分" } else { false } })

        // The store refuses (another session changed the row, a broken rule…): the form stays open.
        w.clearPending()
        w.receive(.failed(.apply(edit), EffectFailure("R-003 复核分低于满分，须填写扣分原因")))
        #expect(w.state.overlay is FormState)
        #expect(w.state.messageIsError && w.state.message == "R-003 复核分低于满分，须填写扣分原因")
        #expect(w.state.saveState == .failed("R-003 复核分低于满分，须填写扣分原因"))

        // Sent again and stored: the form closes.
        w.press(.ctrl("s"))
        guard case .apply(let again)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(again.id != edit.id)
        w.clearPending()
        w.receive(.applied(again, batch: 8))
        #expect(w.state.overlay == nil)
        #expect(w.state.message == "已保存 1.1.1 复核分 2.50")
    }

    @Test func historyIsAskedForAndShownWhenItArrives() throws {
        let w = try Self.workstation()
        Self.openSheet(w)
        Self.select(w, code: "1.1.1")
        let node = try #require(w.state.selectedRow?.node)
        w.press(.character("H"))
        guard case .history(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(request == HistoryRequest(dossierID: Self.heshan, entity: "result", entityID: node.id, title: "1.1.1 在职人员控制率"))
        #expect(w.state.overlay == nil)
        w.receive(.historyLoaded(request, []))
        #expect(w.state.overlay is HistoryView)
        #expect(w.screenText.contains("修改历史 · 1.1.1 在职人员控制率"))
        w.press(.character("H"))
        #expect(w.state.overlay == nil)
        // In the unit list, the selected unit's whole history.
        w.clearPending()
        w.press(.tab, .tab, .character("j"), .character("H"))
        guard case .history(let unit)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(unit.dossierID == "SE-YYX-TZGZ-2021" && unit.entity == nil)
    }

    @Test func filtersAskForTheListAndSayTheCountWhenItArrives() throws {
        let w = try Self.workstation()
        w.press(.character("o"))
        guard case .loadUnits(let request)? = w.pending.first else { Issue.record("\(w.pending)"); return }
        #expect(request.filter.overdueOnly && request.announceFilter && !request.openFirst)
        w.receive(.unitsLoaded(request, UnitPage(total: 0, samples: 0, start: 0, rows: [], anchorIndex: nil), leased: [:]))
        #expect(w.state.message == "筛选:有逾期：0 个单位")
        #expect(w.screenText.contains("没有符合筛选的单位，c 清除"))
        // Nothing to open: Enter says nothing and the hint is not offered.
        #expect(!w.screenText.split(separator: "\n").last!.contains("Enter 打开"))
    }

    @Test func unavailableCommandsSayWhyAndAreNotOffered() throws {
        let w = try Self.workstation(width: 160, height: 48)
        Self.openSheet(w)
        w.press(.character("g"))
        #expect(w.state.selectedRow?.isLeaf == false)
        let status = { String(w.screenText.split(separator: "\n").last!) }
        #expect(!status().contains("Enter 评分") && !status().contains("a 采用建议"))
        w.press(.character("a"))
        #expect(w.state.messageIsError && w.state.message == "请选择末级指标（此行为汇总行）")
        #expect(w.pending.isEmpty)
        w.press(.character("j"), .character("j"))
        #expect(w.state.selectedRow?.isLeaf == true)
        #expect(status().contains("Enter 评分") && status().contains("a 采用建议"))
    }

    @Test func aKeymapMovesKeysAndTheScreenFollows() throws {
        let w = try Self.workstation(width: 160, height: 48)
        w.use(Keymap(overrides: [.acceptSuggestion: [.character("A")], CommandID("text.delete-to-start"): [.ctrl("x")]]))
        Self.openSheet(w)
        Self.select(w, code: "1.1.1")
        #expect(w.screenText.split(separator: "\n").last!.contains("A 采用建议"))
        w.press(.character("a"))
        #expect(w.pending.isEmpty && w.lastOutcome?.context == .unbound)
        w.press(.character("A"))
        guard case .apply? = w.pending.first else { Issue.record("\(w.pending)"); return }
        // Text keys too: Ctrl-X now clears to the start of the line, Ctrl-U does nothing.
        w.clearPending()
        w.press(.enter)
        let before = (w.state.overlay as? FormState)?.value("score")
        w.press(.ctrl("u"))
        #expect((w.state.overlay as? FormState)?.value("score") == before)
        w.press(.ctrl("x"))
        #expect((w.state.overlay as? FormState)?.value("score") == "")
        w.press(.character("?"))
        #expect(w.state.overlay is FormState, "? is typed into the field")
        #expect(HelpOverlay.lines(w.state.keymap).contains { $0.text.contains("A") && $0.text.contains("review.accept") })
        #expect(Keymap(overrides: [.acceptSuggestion: [.character("v")]]).clashes == ["sheet: v → review.accept, review.verify-actual"])
    }

    /// Cursor keys leave the unit list (as long as the store is large) where it is: changed in
    /// place, never copied or read again.
    @Test func cursorKeysChangeTheUnitListInPlace() throws {
        let w = try Self.workstation()
        let address = { w.context.state[UnitsPane.self].units.withUnsafeBufferPointer { $0.baseAddress } }
        let before = address()
        w.press(.character("j"), .character("k"), .character("G"), .character("g"), .pageDown, .character("x"))
        #expect(w.state[UnitsPane.self].position.cursor == 1)
        #expect(address() == before)
    }

    /// A search typed and confirmed before the unit list's keys are in (a server answers later)
    /// is not lost: it runs when they arrive and moves the cursor to the match.
    @Test func aSearchConfirmedBeforeTheKeysArriveRunsWhenTheyDo() throws {
        let w = Workstation(runner: nil, actor: Actor(name: "王某", role: .leader), storeLabel: StoreLabel(name: "无库", kind: "main"),
                            clock: FixedClock(day: SampleStore.today), width: 100, height: 30)
        w.start()
        guard case .loadUnits(let request)? = w.pending.dropFirst().first else { Issue.record("start asked for \(w.pending)"); return }
        w.clearPending()
        w.receive(.schemesLoaded([:]))
        let units = Self.samples.values.sorted { $0.id < $1.id }.prefix(3).map(Self.summary)
        try #require(units.count == 3)
        // A window of two rows of three: the whole list's keys must be read before a search.
        w.receive(.unitsLoaded(request, UnitPage(total: 3, samples: 3, start: 0, rows: Array(units.prefix(2)), anchorIndex: nil), leased: [:]))
        w.clearPending()
        #expect(w.state.focus == .units)
        w.press(.character("/"))
        guard case .loadUnitKeys(let keys)? = w.pending.last else { Issue.record("search asked for \(w.pending)"); return }
        w.clearPending()
        w.type(units[2].dossierID)
        w.press(.enter)
        #expect(w.state[UnitsPane.self].position.cursor == 0)
        w.receive(.unitKeysLoaded(keys, units.map(UnitKey.init)))
        #expect(w.state[UnitsPane.self].position.cursor == 2)
        #expect(w.state.lastQuery == units[2].dossierID)
    }

    @Test func theConflictPaneReadsTheKeymapToo() {
        let key = EntityKey(dossierID: "D", entity: "item", id: "RI-1")
        let conflict = MergeConflict(key: key, fields: ["measure"], kind: .bothChanged, base: "\"a\"", main: "\"b\"", copy: "\"c\"")
        var pane = ConflictPane(title: "t", automatic: 0, rows: [ConflictPane.Row(conflict: conflict, dossier: nil)], width: 100, height: 24)
        pane.keymap = Keymap(overrides: [.mergeTakeMain: [.character("x")]])
        #expect(ConflictPaneView.render(pane).text.contains("x 取主库"))
        pane.handle(.character("m"))
        #expect(pane.decisions.isEmpty)
        pane.handle(.character("x"))
        #expect(pane.decisions[conflict.id] == .main)
    }
}
