import Foundation
import Testing
import FuheApp
import FuheCore
import FuheTestSupport
@testable import FuheUI
import TermCore

/// A runner that answers later (as a server would): effects wait until `flush`, then their
/// results arrive through `Workstation.receive`.
final class LaterRunner: EffectRunner {
    let now: RepositoryRunner
    var waiting: [Effect] = []
    weak var workstation: Workstation?

    init(_ repository: ReviewRepository) { now = RepositoryRunner(repository) }

    func perform(_ effect: Effect) -> Message? {
        waiting.append(effect)
        return nil
    }

    /// Answers everything asked so far, and what the answers ask for in turn.
    func flush() {
        while !waiting.isEmpty {
            let effect = waiting.removeFirst()
            if let message = now.perform(effect) { workstation?.receive(message) }
        }
    }
}

@Test func aSaveShowsSavingUntilTheStoreConfirmsIt() throws {
    let s = try SampleStore()
    defer { s.remove() }
    let runner = LaterRunner(StoreRepository(s.store, role: .leader))
    let w = Workstation(runner: runner, actor: Actor(name: "王某", role: .leader), storeLabel: StoreLabel(name: "fuhe.sqlite", kind: "main"),
                        clock: s.clock, width: 100, height: 30)
    runner.workstation = w
    w.start()
    #expect(w.state.units.isEmpty)
    runner.flush()
    #expect(w.state.units.count == 11 && w.state.dossier != nil)

    ReviewWorkflowTests.open(w, "heshan")
    runner.flush()
    ReviewWorkflowTests.select(w, indicator: "在职人员控制率")
    w.press(.character("m"))
    w.type("待现场核实")
    w.press(.ctrl("s"))
    // Sent, not yet confirmed: the form waits, the status line says so, nothing is on disk.
    #expect(w.state.overlay is FormState)
    #expect(w.state.saveState == .saving && w.screenText.contains("保存中…"))
    let id = try #require(w.state.dossier?.id)
    let node = try #require(w.state.selectedRow?.node.id)
    #expect(try s.store.dossier(id: id).results[node]?.reviewNote == nil)
    runner.flush()
    #expect(w.state.overlay == nil)
    #expect(w.state.saveState == .saved && w.state.message == "已保存复核备注「待现场核实」")
    #expect(try s.store.dossier(id: id).results[node]?.reviewNote == "待现场核实")
    #expect(w.state.dossier?.results[node]?.reviewNote == "待现场核实")
}
