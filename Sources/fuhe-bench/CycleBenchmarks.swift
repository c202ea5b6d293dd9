import Foundation
import FuheApp
import FuheCore
import FuheStore
import FuheUI
import TermCore

/// The views of issue 13 on the big store, in process: each one opened by its key (update, the
/// store work it asks for, render), as the workstation does it. Each figure is one key press on a
/// workstation that has the store open; the view is closed again between runs.
struct CycleBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    var runs: Int { Swift.max(setup.options.runs, 5) }
    static let width = 120
    static let height = 40

    func workstation(_ store: FuheStore) -> Workstation {
        let w = Workstation(repository: StoreRepository(store, role: .leader), actor: Actor(name: "bench", role: .leader),
                            storeLabel: StoreLabel(name: "bench.sqlite", kind: "main"), clock: FixedClock(day: BenchSetup.today),
                            width: Self.width, height: Self.height)
        w.start()
        return w
    }

    /// Presses `keys` (the measured open), renders, then `close` (not measured). `before` runs
    /// before each open, not measured.
    func view(_ name: String, note: String, on w: Workstation, keys: [KeyEvent], close: [KeyEvent] = [.escape],
              check: @escaping (Workstation) throws -> Void = { _ in }, before: @escaping () throws -> Void = {}) throws -> Measurement {
        let m = try measure(name, unit: .milliseconds, runs: runs, note: note, prepare: { run in
            if run > 0 { for k in close { w.handle(k) } }
            try before()
        }) { _, _ -> ScreenBuffer in
            for k in keys { w.handle(k) }
            let screen = Renderer.render(w.state)
            try check(w)
            return screen
        }
        for k in close { w.handle(k) }
        return m
    }

    /// Every figure, on a copy of the store with a not yet reviewed unit's previous year added (so that the
    /// year view has two years); the batch edits stay in the copy.
    static func run(setup: BenchSetup) throws -> [Measurement] {
        Progress.say("copying the store for the cycle views")
        let (copy, path) = try setup.scratchCopy()
        defer { setup.removeScratchCopy(path) }
        // A unit not reviewed yet (every row to do; a finalized review would refuse the batch).
        guard let first = try copy.unitList().first(where: { $0.reviewedRows == 0 && $0.reviewStatus != .finalized && $0.reviewStatus != .submitted })?.dossierID else {
            throw BenchFailure("no unit still to review in the store")
        }
        var previous = try copy.dossier(id: first)
        previous.cycle = EvaluationCycle(id: "C-2020", fiscalYear: 2020, yearIsDemo: true, name: "2020年度部门整体支出绩效自评复核")
        previous.evaluation.id = first + "-2020"
        previous.evaluation.cycleID = "C-2020"
        try copy.importDossiers([previous], actor: BenchSetup.actor)
        return try CycleBenchmarks(setup: setup, store: copy).all(opening: first)
    }

    func all(opening dossierID: String) throws -> [Measurement] {
        let w = workstation(store)
        for _ in 0..<setup.options.dossiers where w.state.selectedUnit?.dossierID != dossierID { w.handle(.character("j")) }
        w.handle(.enter)   // that unit's scoresheet
        guard w.state.dossier?.id == dossierID else { throw BenchFailure("could not open \(dossierID)") }
        var out: [Measurement] = []
        out.append(try view("view: blockers (!)", note: "every submit blocker of a 60-row scoresheet, with the rule messages", on: w,
                            keys: [.character("!")]))
        out.append(try view("view: next row needing work (w)", note: "RowWork over 60 rows, jump and render", on: w,
                            keys: [.character("w")], close: []))
        out.append(try view("view: scoresheet filter (x)", note: "filter 未复核 on and off (two keys)", on: w,
                            keys: [.character("x"), .character("c")], close: []))
        out.append(try view("view: sort 2,000 units (>)", note: "units pane: > sorts the 2,000 units by the next column; < and back to the sheet", on: w,
                            keys: [.backTab, .character(">")], close: [.character("<"), .tab]) { w in
            guard w.state.focus == .units, w.state.message?.contains("排序") == true else { throw BenchFailure("the unit list is not sorted: \(w.state.message ?? "")") }
        })
        out.append(try view("view: findings of every unit (P a), first open", note: "P a with nothing kept: every finding read from the store", on: w,
                            keys: [.character("P"), .character("a")], before: { store.forgetKeptViews() }))
        out.append(try view("view: findings of every unit (P a)", note: "finding summaries of all dossiers, one query", on: w,
                            keys: [.character("P"), .character("a")]) { w in
            guard let p = w.state.overlay as? FindingsPage, p.scope == .all else { throw BenchFailure("findings page not open") }
        })
        out.append(try view("view: every unit's items (O)", note: "item summaries of all dossiers + deadline state, ageing, escalation", on: w,
                            keys: [.character("O")]) { w in
            guard let p = w.state.overlay as? RectOverviewPage, p.itemCount >= setup.options.items else {
                throw BenchFailure("overview holds \((w.state.overlay as? RectOverviewPage)?.itemCount ?? -1) items, expected \(setup.options.items)")
            }
        })
        out.append(try measure("store: every unit's items read whole", unit: .milliseconds, runs: runs,
                               note: "FuheStore.itemTable() with no table kept (the SQL join and the compact rows)",
                               prepare: { _ in store.forgetKeptViews() }) { _, _ in try store.itemTable().count })
        out.append(try view("view: every unit's items (O), first open", note: "O with no table kept: every item read from the store", on: w,
                            keys: [.character("O")], before: { store.forgetKeptViews() }))
        out.append(try view("view: every unit's items (O) after an edit elsewhere", note: "one item of another unit changed since the last O: that unit read again", on: w,
                            keys: [.character("O")], before: { try editOneItem() }))
        out.append(try view("view: overdue items (O 2)", note: "the overdue view of every unit's items", on: w,
                            keys: [.character("O"), .character("2")]))
        out.append(try view("view: dashboard (Z)", note: "CycleStats.compute over all summaries and items, render", on: w,
                            keys: [.character("Z")]) { w in
            guard let units = (w.state.overlay as? Dashboard)?.stats?.progress.units, units > setup.options.dossiers else {
                throw BenchFailure("dashboard counts \((w.state.overlay as? Dashboard)?.stats?.progress.units ?? -1) dossiers, expected \(setup.options.dossiers + 1)")
            }
        })
        out.append(try view("view: dashboard (Z), first open", note: "Z with nothing kept: units, findings and item facts read from the store", on: w,
                            keys: [.character("Z")], before: { store.forgetKeptViews() }))
        out.append(try view("view: command palette (: fh)", note: "every command, unit and indicator; the query fh", on: w,
                            keys: [.character(":"), .character("f"), .character("h")]))
        out.append(try view("view: year over year (Y)", note: "every year of the unit, scored side by side", on: w,
                            keys: [.character("Y")]))
        out += try batch(on: w)
        return out
    }

    /// Changes one item of a unit with items (its measure text), as another session would.
    func editOneItem() throws {
        guard let id = try store.unitPage(UnitPageRequest(today: BenchSetup.today, limit: 50))
            .rows.first(where: { $0.totalItems > 0 })?.dossierID else { throw BenchFailure("no unit with items") }
        var item = try store.dossier(id: id).items[0]
        item.measure = item.measure.hasSuffix("（复查）") ? String(item.measure.dropLast(4)) : item.measure + "（复查）"
        _ = try store.apply([.item(item)], to: id, base: .unconditional, actor: "bench")
    }

    /// Twenty rows scored in one batch: select, the form, the preview, one edit; and (before the
    /// next run, timed apart) its undo with one key.
    func batch(on w: Workstation) throws -> [Measurement] {
        var undo: [UInt64] = []
        var applied = false
        let m = try measure("batch: 20 rows scored with one reason", unit: .milliseconds, runs: runs,
                            note: "filter 未复核, select 20 (t), M e 满分 + reason, preview, Enter: one transaction", prepare: { _ in
            if w.state.overlay != nil { w.handle(.escape) }
            if applied {
                let start = monotonicNanos()
                w.handle(.character("u"))
                undo.append(monotonicNanos() - start)
            }
            // Only rows not reviewed yet (leaves: t on a heading would select all below it).
            w.handle(.character("c"))
            w.handle(.character("x"))
            w.handle(.character("U"))
            w.handle(.character("g"))
        }) { _, _ -> Int in
            for _ in 0..<20 { w.handle(.character("t")) }
            w.handle(.character("M"))
            w.handle(.character("e"))
            for ch in "满分" { w.handle(.character(ch)) }
            w.handle(.tab)
            for ch in "经核对佐证材料，维持" { w.handle(.character(ch)) }
            w.handle(.ctrl("s"))
            guard let preview = w.state.overlay as? BatchPreview, preview.changeCount + preview.refusedCount == 20 else {
                throw BenchFailure("no batch preview of 20 rows (focus \(w.state.focus.rawValue), overlay \(w.state.overlay.map { "\(type(of: $0))" } ?? "none"), "
                                   + "changes \((w.state.overlay as? BatchPreview)?.changeCount ?? -1), refused \((w.state.overlay as? BatchPreview)?.refusedCount ?? -1)")
            }
            w.handle(.enter)
            applied = true
            return preview.changeCount
        }
        w.handle(.character("u"))
        let u = Measurement(name: "batch: undo it (u)", unit: .milliseconds, samples: undo, note: "revert the batch's journal entries, reload")
        return [m, u]
    }
}
