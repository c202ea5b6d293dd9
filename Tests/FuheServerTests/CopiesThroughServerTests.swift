import Foundation
import FuheClient
import FuheCore
import FuheStore
import FuheWire
import Testing

/// An inspector takes units out from the server, works offline in the same copy format, and
/// merges back through the server with the same plan and refusals; leases live on the server.
@Suite(.serialized) struct CopiesThroughServerTests {
    let unit = "SE-HS-ZWZX-2021"

    @Test func checkoutWorkOfflineAndMergeBackThroughTheServer() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let copyPath = h.directory.appendingPathComponent("site-a.fuhe").path
        // A 组员 may not take units out.
        let refused = try h.run(["checkout", "--server", h.url, "--unit", unit, "--out", copyPath], as: "member")
        #expect(refused.status != 0 && refused.stderr.contains("无权借出离线副本"))
        #expect(!FileManager.default.fileExists(atPath: copyPath))
        // The inspector does.
        let out = try h.ok(h.run(["checkout", "--server", h.url, "--unit", "heshan", "--out", copyPath, "--to", "赵核查"], as: "inspector"))
        #expect(out.stdout.contains("（借出 L-1，借给 赵核查）"))
        #expect(try h.pg.value("SELECT status || ' ' || holder FROM lease WHERE id = 'L-1'") == "out 赵核查")
        let listed = try h.ok(h.run(["leases", "--server", h.url], as: "leader")).stdout
        #expect(listed.contains("L-1") && listed.contains("借出中"))
        // Offline: the copy is the usual format; the inspector scores two rows there.
        let node1: String, node2: String
        do {
            let copy = try FuheStore.open(path: copyPath, createIfMissing: false)
            #expect(try copy.kind() == .copy)
            let d = try copy.dossier(id: unit)
            let leaves = d.template.scorableLeaves
            node1 = leaves[0].id
            node2 = leaves[1].id
            var r1 = d.result(for: node1), r2 = d.result(for: node2)
            r1.reviewNote = "现场核实：编制表原件已看"
            r2.reviewNote = "现场：三公经费台账已查"
            try copy.apply([.result(r1), .result(r2)], to: unit, base: .seen(d), actor: "赵核查", reason: "现场核查")
            try copy.closeForTransfer()
        }
        // Meanwhile online, the member changes one of those rows differently.
        let member = try h.repository("member")
        let online = try member.dossier(id: unit)
        var m1 = online.result(for: node1)
        m1.reviewNote = "办公室：等现场结果"
        _ = try member.apply([.result(m1)], to: unit, base: .seen(online), actor: "x", reason: nil, origin: "local")
        // The plan shows one automatic change and one conflict; a dry run writes nothing.
        let before = try h.fingerprint()
        let dry = try h.ok(h.run(["merge", "--server", h.url, copyPath, "--dry-run"], as: "inspector")).stdout
        #expect(dry.contains("自动合并 1 处修改，冲突 1 处") && dry.contains("预演"))
        #expect(try h.fingerprint() == before)
        // Without a terminal and without --prefer, conflicts refuse.
        let undecided = try h.run(["merge", "--server", h.url, copyPath], as: "inspector")
        #expect(undecided.status != 0 && undecided.stderr.contains("个冲突需要决定"))
        // Merged, taking the copy's side.
        let merged = try h.ok(h.run(["merge", "--server", h.url, copyPath, "--prefer", "copy"], as: "inspector")).stdout
        #expect(merged.contains("已合并 L-1：写入 2 个字段，决定 1 个冲突"))
        let after = try member.dossier(id: unit)
        #expect(after.result(for: node1).reviewNote == "现场核实：编制表原件已看")
        #expect(after.result(for: node2).reviewNote == "现场：三公经费台账已查")
        // The journal: the site's edit with its actor and origin; the decided conflict by who merged; the session names the account.
        #expect(try h.pg.value("SELECT actor || ' ' || origin FROM journal WHERE entity_id = '\(node2)' AND field = 'reviewNote' ORDER BY seq DESC LIMIT 1") == "赵核查 copy:L-1")
        #expect(try h.pg.value("SELECT reason FROM journal WHERE entity_id = '\(node1)' AND field = 'reviewNote' ORDER BY seq DESC LIMIT 1") == "合并冲突：取副本")
        #expect(try h.pg.value("SELECT count(*) FROM journal WHERE origin LIKE '%L-1' AND session NOT LIKE 'inspector/%' AND entity <> 'lease'") == "0")
        #expect(try h.pg.value("SELECT status FROM lease WHERE id = 'L-1'") == "merged")
        // Merging the same copy again changes nothing; a tampered copy is refused.
        let again = try h.ok(h.run(["merge", "--server", h.url, copyPath, "--prefer", "copy"], as: "inspector")).stdout
        #expect(again.contains("已合并过"))
        // The other team cannot see, take out or merge it.
        let foreign = try h.run(["merge", "--server", h.url, copyPath, "--prefer", "copy"], as: "outsider")
        #expect(foreign.status != 0)
    }

    @Test func aTamperedOrStaleCopyIsRefusedAndNothingWritten() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let copyPath = h.directory.appendingPathComponent("site-b.fuhe").path
        try h.ok(h.run(["checkout", "--server", h.url, "--unit", unit, "--out", copyPath], as: "leader"))
        // Edited outside Fuhe (no journal entry): M-004.
        let copy = try FuheStore.open(path: copyPath, createIfMissing: false)
        let d = try copy.dossier(id: unit)
        let node = try #require(d.template.scorableLeaves.first).id
        try copy.closeForTransfer()
        var row = d.result(for: node)
        row.reviewNote = "偷偷改的"
        let json = StoredJSON.encode(row).replacingOccurrences(of: "'", with: "''")
        let sqlite = try #require(["/usr/bin/sqlite3"].first(where: FileManager.default.isExecutableFile(atPath:)))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sqlite)
        p.arguments = [copyPath, "UPDATE result SET json = '\(json)' WHERE dossier_id = '\(unit)' AND node_id = '\(node)'"]
        try p.run()
        p.waitUntilExit()
        let before = try h.fingerprint()
        let tampered = try h.run(["merge", "--server", h.url, copyPath, "--prefer", "copy"], as: "leader")
        #expect(tampered.status != 0 && tampered.stderr.contains("M-004") && tampered.stderr.contains("没有日志条目"), "\(tampered)")
        #expect(try h.fingerprint() == before)
        // A released lease's copy: M-003.
        try h.ok(h.run(["leases", "--server", h.url, "--release", "L-1", "--reason", "副本遗失"], as: "leader"))
        let stale = try h.run(["merge", "--server", h.url, copyPath, "--prefer", "copy"], as: "leader")
        #expect(stale.status != 0 && stale.stderr.contains("M-003"), "\(stale)")
    }
}
