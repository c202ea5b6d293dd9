import Testing
import TermCore
@testable import FuheUI

/// The default keys: no key means two things where a user presses it.
@Suite struct KeymapConsistencyTests {
    @Test func noKeyIsBoundTwiceInOneScope() {
        #expect(Keymap.standard.clashes == [])
    }

    /// A pane key that is also a global key hides the global command in that pane (the pane wins),
    /// so the help would promise something the key does not do there.
    @Test func noPaneKeyHidesAGlobalCommand() {
        let keymap = Keymap.standard
        let globalKeys = Dictionary(grouping: CommandRegistry.all.filter { $0.scope == .global }.flatMap { spec in
            keymap.keys(for: spec.id).map { ($0, spec.id) }
        }, by: \.0).mapValues { $0.map(\.1) }
        var hidden: [String] = []
        for pane in [CommandScope.units, .sheet, .items] {
            for spec in CommandRegistry.all where spec.scope == pane {
                for key in keymap.keys(for: spec.id) {
                    if let global = globalKeys[key] {
                        hidden.append("\(pane.name): \(key.description) → \(spec.id.rawValue) hides \(global.map(\.rawValue).joined(separator: ","))")
                    }
                }
            }
        }
        #expect(hidden == [])
    }
}
