import Foundation
import Testing
import FuheCore
import FuheStore
import FuheTestSupport

/// kill -9 at random moments during scripted editing in the real workstation, many times over:
/// the store must open, pass SQLite's integrity check and the journal chain check, and hold every
/// edit that was shown as saved before the kill.
@Suite(.serialized) struct CrashSafetyTests {
    static let rounds = 12
    static let editsPerRound = 3

    @Test func sigkillDuringEditingLosesNothingShownAsSaved() throws {
        try #require(TmuxSession.isAvailable, "tmux is not installed: the terminal tests need it (apt-get install tmux)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = directory.appendingPathComponent("crash.sqlite").path
        let fuhe = try #require(BuiltProducts.executable("fuhe")).path
        try #require(try BuiltProducts.run(fuhe, ["import", "--samples", "--store", store]).status == 0)

        // Leaf rows with a name no other row's name contains, so a search selects exactly that row.
        let template = try FuheStore.open(path: store, createIfMissing: false).dossier(id: "SE-JH-2021").template
        let parents = template.parentIDs
        let leaves = template.nodes.filter { n in
            !parents.contains(n.id) && !template.nodes.contains { $0.id != n.id && $0.name.contains(n.name) }
        }
        try #require(leaves.count >= 8)

        var confirmed: [String] = []
        var lastConfirmed: [String: String] = [:]
        var generator = SplitMix64(seed: 20261123)  // replayable from its seed
        var editNumber = 0
        for round in 0..<Self.rounds {
            let tmux = try TmuxSession(command: "\(fuhe) --store \(store) --as 测试员", width: 100, height: 30,
                                       environment: ["HOME": directory.path, "SWIFT_BACKTRACE": "enable=no"])
            defer { tmux.kill() }
            _ = try tmux.waitFor(text: "退出")
            try tmux.sendLiteral("/jianghua")
            try tmux.sendKeys("Enter", "Enter")
            _ = try tmux.waitFor(text: "评分表 江华")
            let killAt = Int.random(in: 0...Self.editsPerRound, using: &generator)
            var inFlight: (node: String, text: String)?
            for edit in 0...Self.editsPerRound {
                let leaf = leaves[editNumber % leaves.count]
                editNumber += 1
                let text = "断电测试K\(round)-\(edit)"
                try tmux.sendLiteral("/" + leaf.name)
                try tmux.sendKeys("Enter")
                _ = try tmux.waitFor(text: "详情 \(leaf.code) \(leaf.name)")
                try tmux.sendKeys("m", "C-u")
                try tmux.sendLiteral(text)
                try tmux.sendKeys("C-s")
                if edit == killAt {
                    // Somewhere inside this edit: before, during or after its write.
                    inFlight = (leaf.id, text)
                    usleep(UInt32.random(in: 0...40_000, using: &generator))
                    break
                }
                _ = try tmux.waitFor(text: "已保存复核备注「\(text)」")
                confirmed.append(text)
                lastConfirmed[leaf.id] = text
            }
            let pid = try #require(Int32(try tmux.display("#{pane_pid}")))
            #expect(kill(pid, SIGKILL) == 0)
            _ = try tmux.waitFor("exit after SIGKILL") { _ in (try? tmux.display("#{pane_dead}")) == "1" }
            tmux.kill()

            let s = try FuheStore.open(path: store, createIfMissing: false)
            #expect(try s.sqliteIntegrity().isEmpty, "round \(round)")
            #expect(try s.verifyJournal().isIntact, "round \(round)")
            let results = try s.dossier(id: "SE-JH-2021").results
            for (node, text) in lastConfirmed {
                let note = results[node]?.reviewNote
                let acceptable = note == text || (inFlight?.node == node && note == inFlight?.text)
                #expect(acceptable, "round \(round): \(node) shows \(note ?? "nothing"), but \(text) was shown as saved")
            }
            // An edit killed in flight that reached the store is that row's latest value from now on
            // (without this, a later round wrongly expected the value shown as saved before it).
            if let inFlight, results[inFlight.node]?.reviewNote == inFlight.text { lastConfirmed[inFlight.node] = inFlight.text }
            let journalled = Set(try s.journal(dossierID: "SE-JH-2021", entity: "result", field: "reviewNote", limit: 10_000).compactMap(\.record.new))
            let lost = confirmed.filter { !journalled.contains("\"\($0)\"") }
            #expect(lost.isEmpty, "round \(round): shown as saved but not in the journal: \(lost)")
        }
        print("crash safety: \(Self.rounds) SIGKILLs, \(confirmed.count) edits shown as saved, all kept; journal and SQLite intact")
        #expect(confirmed.count >= Self.rounds, "too few edits confirmed to mean anything: \(confirmed.count)")
        #expect(try BuiltProducts.run(fuhe, ["verify", "--store", store]).status == 0)
    }
}
