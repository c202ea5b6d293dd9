import Testing
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// Issue 14 §3: the status line asks every hinted command whether it is offered on every key.
/// Rules written as a `Verdict` answer without making their message, the items pane keeps its
/// ledger order per dossier revision, and the rows of earlier years keep their texts — none of
/// which may change what is shown or offered.
@Suite struct ItemHintsTests {
    /// Every command answers "available?" as its full rule does, and the status line offers the
    /// hints the full rules (and `offer`) give.
    static func expectSameAnswers(_ state: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for command in Registration.commands {
            #expect(command.isAvailable(state) == command.available(state).isAvailable, "\(command.id.rawValue): \(what)",
                    sourceLocation: sourceLocation)
        }
        let scope = FocusRing.pane(state.focus)?.scope ?? .global
        let full = state.keymap.hints(for: scope).filter { hint in
            guard let command = CommandRegistry.byID[hint.id] else { return true }
            return command.available(state).isAvailable && (command.offer?(state) ?? true)
        }
        #expect(Array(StatusLineView.offeredHintTexts(state)) == full, "\(what)", sourceLocation: sourceLocation)
    }

    @Test func verdictsAnswerAsTheirRulesOnEveryItemInEveryStatus() throws {
        let s = try YearOverYearTests.store()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        Self.expectSameAnswers(w.state, "the unit list")
        YearOverYearTests.open2020(w)
        Self.expectSameAnswers(w.state, "the scoresheet")
        w.press(.tab)
        let count = ItemsPane.count(w.state)
        #expect(count > ItemsPane.items(w.state).count, "the sample should carry an item from 2019")
        var offered: Set<CommandID> = []
        for row in 0..<count {
            let state = w.state
            Self.expectSameAnswers(state, "row \(row)")
            if let item = state.selectedItem, let index = state.dossier?.items.firstIndex(where: { $0.id == item.id }) {
                // The item in every status, by another reviewer and by its own responsible person
                // (who may not close it, K-003).
                for status in RectStatus.allCases {
                    var changed = state
                    changed.dossier?.items[index].status = status
                    #expect(changed.selectedItem?.status == status)
                    Self.expectSameAnswers(changed, "row \(row), \(status)")
                    offered.formUnion(StatusLineView.offeredHintTexts(changed).map(\.id))
                    changed.actor = Actor(name: item.respPerson)
                    Self.expectSameAnswers(changed, "row \(row), \(status), by \(item.respPerson)")

                }
            } else {
                #expect(ItemsPane.selectedCarried(state) != nil)
            }
            w.press(.character("j"))
        }
        // The steps were offered on some states (and not on others: K-003 above).
        #expect(offered.isSuperset(of: [.editItem, .createItem, .addProgress, .closeItem]))
        // With items selected for a batch, and with no dossier open.
        w.press(.character("g"), .character("t"))
        #expect(!w.state[ItemsPane.self].selection.isEmpty)
        Self.expectSameAnswers(w.state, "an item selected")
        var none = w.state
        none.dossier = nil
        Self.expectSameAnswers(none, "no dossier")
        // The scoresheet with a row selected for a batch.
        w.press(.tab, .tab, .character("j"), .character("t"))
        #expect(w.state.focus == .sheet && !w.state[ScoresheetPane.self].selection.isEmpty)
        Self.expectSameAnswers(w.state, "a row selected")
    }

    /// The kept ledger order is the dossier's as it is now: an edited item shows its new text at
    /// once, in its row, as the selected item, and in the hints.
    @Test(arguments: [(80, 24), (160, 48)])
    func anEditedItemShowsAtOnce(size: (Int, Int)) throws {
        let s = try SampleStore()
        defer { s.remove() }
        let w = s.workstation(width: size.0, height: size.1)
        let frames = FrameRenderer()
        _ = frames.render(w.state)
        KeptRowsTests.drive(w, frames, [.character("/")] + "heshan".map { KeyEvent.character($0) } + [.enter, .enter, .tab])
        KeptRowsTests.drive(w, frames, [.character("j"), .character("k"), .character("j")])
        let item = try #require(w.state.selectedItem)
        KeptRowsTests.drive(w, frames, [.character("e")] + "（已改）".map { KeyEvent.character($0) } + [.ctrl("s")])
        #expect(w.state.overlay == nil, "\(w.state.message ?? "")")
        let edited = try #require(w.state.selectedItem)
        #expect(edited.id == item.id && edited.measure == item.measure + "（已改）")
        #expect(ItemsPane.items(w.state).contains { $0.id == item.id && $0.measure == edited.measure })
        // Pages past both ends: the keys that move nothing let the detail area catch up (its
        // paragraphs wrapped from kept lines when shown before, the edited one anew).
        KeptRowsTests.drive(w, frames, [.character("k"), .character("j"), .pageDown, .pageDown, .pageDown, .pageUp, .pageUp, .pageUp, .pageDown])
        KeptRowsTests.drive(w, frames, [.pageUp, .pageUp, .character("j")])
        #expect(w.state.selectedItem?.measure == edited.measure)
        Self.expectSameAnswers(w.state, "after the edit")
        // Withdrawn: the steps of an open item are no longer offered.
        KeptRowsTests.drive(w, frames, [.character("w")] + "重复登记".map { KeyEvent.character($0) } + [.ctrl("s")])
        #expect(w.state.selectedItem?.status == .withdrawn, "\(w.state.message ?? "")")
        let hints = StatusLineView.offeredHintTexts(w.state).map(\.id)
        #expect(!hints.contains(.addProgress))
        Self.expectSameAnswers(w.state, "withdrawn")
        KeptRowsTests.drive(w, frames, [.character("k"), .character("j")])
    }

    /// The detail area's kept wraps are the paragraphs wrapped: per text and width.
    @Test func keptWrapsAreTheParagraphsWrapped() {
        let paragraphs = ["整改措施：加快项目实施进度，提高预算执行率，对结转结余资金进行清理并按规定上缴财政",
                          "类型 限期整改　责任 安化县财政局/(demo) 郭某", "", "a b c d e f g h i j k l m n o p"]
        for round in 0..<2 {
            for width in [12, 30, 77] {
                let anew = KeptRows.$bypassed.withValue(true) { DetailArea.wrap(paragraphs, width: width) }
                #expect(anew == paragraphs.flatMap { $0.wrapped(toWidth: width) })
                #expect(DetailArea.wrap(paragraphs, width: width) == anew, "round \(round), width \(width)")
                var changed = paragraphs
                changed[0] += "（已改）"
                #expect(DetailArea.wrap(changed, width: width) == changed.flatMap { $0.wrapped(toWidth: width) })
                #expect(DetailArea.wrap(paragraphs, width: width) == anew)
            }
        }
    }

    /// A row of an earlier year is drawn from kept texts only while its item is as it was.
    @Test func anEarlierYearsItemChangedShowsItsNewText() throws {
        let s = try YearOverYearTests.store()
        defer { s.remove() }
        let w = s.workstation(width: 160, height: 48)
        YearOverYearTests.open2020(w)
        w.press(.tab, .character("G"))
        let carried = try #require(ItemsPane.selectedCarried(w.state))
        let before = Renderer.render(w.state)
        #expect(before == KeptRowsTests.drawnAnew(w.state))
        #expect(before.text.contains(carried.measure))
        #expect(Renderer.render(w.state) == before)
        var changed = w.state
        changed[EarlierYearsState.self].value?.openItems[0].measure = "改为分期偿还"
        let after = Renderer.render(changed)
        #expect(after == KeptRowsTests.drawnAnew(changed))
        #expect(after.text.contains("改为分期偿还") && !after.text.contains(carried.measure))
        // The day moves its figures (剩余/逾期).
        changed.today = changed.today.adding(days: 40)
        #expect(Renderer.render(changed) == KeptRowsTests.drawnAnew(changed))
    }
}
