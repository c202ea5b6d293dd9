import Foundation
import FuheCore
import FuheStore

/// Merging an offline copy back: a copy of 100 dossiers with 5,000 edited fields (and 100 of them
/// also edited in main, so conflicts are decided) merged into the benchmark-scale store.
struct MergeBenchmarks {
    let setup: BenchSetup
    let ids: [String]
    static let dossiers = 100
    static let rowsPerDossier = 25

    /// Returns the whole merge, and its two halves (prepare = checks + plan, commit = transaction).
    func mergeCopy() throws -> (total: Measurement, prepare: Measurement, commit: Measurement, fields: Int, conflicts: Int) {
        Progress.say("preparing the merge figure: checkout, edits at the site and in main")
        let (main, mainPath) = try setup.scratchCopy()
        defer { setup.removeScratchCopy(mainPath) }
        let directory = (mainPath as NSString).deletingLastPathComponent
        let copyPath = (directory as NSString).appendingPathComponent("bench-copy.sqlite")
        let basePath = (directory as NSString).appendingPathComponent("bench-merge-base.sqlite")
        defer { for p in [copyPath, basePath] { setup.removeScratchCopy(p) } }
        setup.removeScratchCopy(copyPath)
        let chosen = Array(ids.prefix(Self.dossiers))
        try main.checkout(dossierIDs: chosen, to: copyPath, holder: "现场核查组", actor: BenchSetup.actor)
        let copy = try FuheStore.open(path: copyPath, createIfMissing: false, clock: BenchSetup.clock)
        let leaves = Array(setup.template.scorableLeaves.prefix(Self.rowsPerDossier))
        var edited = 0
        for (n, id) in chosen.enumerated() {
            let d = try copy.dossier(id: id)
            let rows = leaves.map { leaf -> StoreChange in
                var r = d.result(for: leaf.id)
                r.reviewNote = "现场核查：\(n)-\(leaf.id) 原始凭证已核对"
                r.deductionReason = "现场核查：佐证材料与报告一致性复核（\(n)）"
                edited += 2
                return .result(r)
            }
            try copy.apply(rows, to: id, base: .seen(d), actor: "现场核查员", reason: "现场核查")
            // Meanwhile the office writes a different note on the first of those rows.
            let m = try main.dossier(id: id)
            var r = m.result(for: leaves[0].id)
            r.reviewNote = "主库：同时修改"
            try main.apply([.result(r)], to: id, base: .seen(m), actor: BenchSetup.actor)
        }
        try copy.closeForTransfer()
        try main.closeForTransfer()
        setup.removeScratchCopy(basePath)
        try FileManager.default.copyItem(atPath: mainPath, toPath: basePath)

        var prepareSamples: [UInt64] = [], commitSamples: [UInt64] = []
        var fields = 0, conflicts = 0
        let runs = Swift.max(1, Swift.min(setup.options.runs, 5))
        let total = try measure("merge a copy (\(edited) edited fields)", unit: .milliseconds, runs: runs,
                                note: "prepareMerge + commitMerge --prefer copy: \(Self.dossiers) dossiers, one transaction",
                                prepare: { _ -> FuheStore in
            setup.removeScratchCopy(mainPath)
            try FileManager.default.copyItem(atPath: basePath, toPath: mainPath)
            FuheStore.forgetDecodedRows()   // as cold as a fresh `fuhe merge` process
            return try FuheStore.open(path: mainPath, createIfMissing: false, clock: BenchSetup.clock)
        }) { _, target -> FuheStore in
            let (prepared, prepareNanos) = try timed { try target.prepareMerge(copyPath: copyPath) }
            let (outcome, commitNanos) = try timed {
                try target.commitMerge(prepared, decisions: prepared.plan.decisions(preferring: .copy), actor: BenchSetup.actor)
            }
            guard outcome.fieldsChanged >= edited else { throw BenchFailure("merge wrote \(outcome.fieldsChanged) fields, expected \(edited)") }
            prepareSamples.append(prepareNanos)
            commitSamples.append(commitNanos)
            fields = outcome.fieldsChanged
            conflicts = outcome.conflictsDecided
            return target
        }
        let prepare = Measurement(name: "  of which prepare", unit: .milliseconds, samples: prepareSamples,
                                  note: "open copy, verify its journal and base, read three snapshots, plan")
        let commit = Measurement(name: "  of which commit", unit: .milliseconds, samples: commitSamples,
                                 note: "resolve, write, journal (one entry per field), summaries, lease")
        return (total, prepare, commit, fields, conflicts)
    }
}
