import Testing
import FuheCore
@testable import FuheUI

/// `ViewStates` keeps each view's state in a shared box copied on write: it must still behave as
/// a dictionary of values — a copy never sees a change made through another.
@Suite struct ViewStatesTests {
    @Test func aCopyKeepsItsOwnStateWhicheverSideChanges() {
        var a = ViewStates()
        #expect(a[ItemsPane.self].position.cursor == 0)   // never stored: the initial state
        a[ItemsPane.self].position.cursor = 3
        a[ItemsPane.self].selection = ["x"]
        var b = a
        a[ItemsPane.self].position.cursor = 5                // changed in place through _modify
        #expect(b[ItemsPane.self].position.cursor == 3)
        b[ItemsPane.self] = ItemsPane()                       // replaced through set while shared
        #expect(a[ItemsPane.self].position.cursor == 5 && a[ItemsPane.self].selection == ["x"])
        #expect(b[ItemsPane.self].position.cursor == 0 && b[ItemsPane.self].selection.isEmpty)
        var c = b
        c[ItemsPane.self].position.cursor = 9
        b[UnitsPane.self].position.cursor = 2                 // another view of a shared dictionary
        #expect(c[ItemsPane.self].position.cursor == 9 && b[ItemsPane.self].position.cursor == 0)
        #expect(c[UnitsPane.self].position.cursor == 0 && b[UnitsPane.self].position.cursor == 2)
    }

    @Test func anAppStateCopyKeepsItsOwnPanes() {
        var state = AppState(width: 80, height: 24, actor: Actor(name: "王某", role: .leader), storeLabel: StoreLabel(name: "t", kind: "main"),
                             today: CalendarDay("2026-11-23")!)
        state[ScoresheetPane.self].position.cursor = 4
        let kept = state
        state[ScoresheetPane.self].position.cursor = 7
        #expect(kept[ScoresheetPane.self].position.cursor == 4)
        #expect(state[ScoresheetPane.self].position.cursor == 7)
    }
}
