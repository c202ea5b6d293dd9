import Foundation
import FuheCore
import FuheExchange
import FuheStore
import FuheUI

/// Measurements that go through the SQLite store.
struct StoreBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    let ids: [String]
    var runs: Int { setup.options.runs }

    /// `FuheStore.open` on the existing file with a fresh connection, then its first small read.
    func open() throws -> Measurement {
        try measure("open store", unit: .milliseconds, runs: runs,
                    note: "FuheStore.open (header, identity, migrations) + first read") { _ -> FuheStore in
            let fresh = try setup.openStore()
            _ = try fresh.meta("store_id")
            return fresh
        }
    }

    /// What the first screen needs: open the store and read the whole unit list.
    func firstScreenData() throws -> Measurement {
        try measure("open + unit list", unit: .milliseconds, runs: runs,
                    note: "fresh open, then unitList of all dossiers") { _ -> FuheStore in
            let fresh = try setup.openStore()
            let list = try fresh.unitList(today: BenchSetup.today)
            guard list.count == ids.count else { throw BenchFailure("unit list has \(list.count) rows, expected \(ids.count)") }
            return fresh
        }
    }

    /// What the workstation reads of the unit list: the first window (with counts), the window
    /// around a unit at the end of the list (the cursor kept by id), and the whole list's keys
    /// (search and the palette, read on their first use).
    func unitPages() throws -> [Measurement] {
        let rows = UnitsRequest.windowRows
        let first = try measure("unit list, first window", unit: .milliseconds, runs: runs,
                                note: "unitPage: \(rows) rows + counts of \(ids.count)") { _ in
            try store.unitPage(UnitPageRequest(today: BenchSetup.today, limit: rows))
        }
        let last = try store.unitKeys(filter: .all, order: nil).last?.dossierID
        let anchored = try measure("unit list, window around the last unit", unit: .milliseconds, runs: runs,
                                   note: "unitPage anchored by id (its index counted in SQL)") { _ in
            try store.unitPage(UnitPageRequest(today: BenchSetup.today, limit: rows, anchor: last))
        }
        let sorted = try measure("unit list, window sorted by 差异 around the last unit", unit: .milliseconds, runs: runs,
                                 note: "ORDER BY the sort key, anchored by id") { _ in
            try store.unitPage(UnitPageRequest(order: UnitOrder(.delta, descending: true), today: BenchSetup.today, limit: rows, anchor: last))
        }
        let keys = try measure("unit list keys (search, palette)", unit: .milliseconds, runs: runs,
                               note: "unitKeys: id, name, year, type, status of \(ids.count)") { _ in
            try store.unitKeys(filter: .all, order: nil)
        }
        return [first, anchored, sorted, keys]
    }

    func unitList() throws -> (Measurement, overdueItems: Int, overdueUnits: Int) {
        var last: [UnitSummary] = []
        let m = try measure("unit list", unit: .milliseconds, runs: runs,
                            note: "unitList(today:), \(ids.count) summaries incl. overdue counts") { _ in
            last = try store.unitList(today: BenchSetup.today)
            guard last.count == ids.count else { throw BenchFailure("unit list has \(last.count) rows, expected \(ids.count)") }
        }
        return (m, last.reduce(0) { $0 + $1.overdueItems }, last.filter { $0.overdueItems > 0 }.count)
    }

    /// `dossier(id:)` rotating through ids spread over the store.
    func loadDossier() throws -> Measurement {
        let step = Swift.max(1, ids.count / Swift.max(runs, 1))
        return try measure("load one dossier", unit: .milliseconds, runs: runs,
                           note: "dossier(id:), a different id each run") { run -> Dossier in
            try store.dossier(id: ids[(run * step + 1) % ids.count])
        }
    }

    /// `apply([.result(row)])` with a changed review score: journal entries and summary refresh
    /// included; compare-and-set against the dossier as loaded, or (`checked` false) without a
    /// base, to show what the check costs.
    func storeOneEdit(checked: Bool = true) throws -> Measurement {
        // Reviews still open: a finalized scoresheet is not edited (its frozen total would no
        // longer match, I-006 — the workstation refuses that edit).
        let open = Set(try store.unitList().filter { $0.reviewStatus != .finalized }.map(\.dossierID))
        let ids = self.ids.filter { open.contains($0) }
        guard !ids.isEmpty else { throw BenchFailure("no dossier with an open review to edit") }
        let step = Swift.max(1, ids.count / Swift.max(runs, 1))
        let leaves = setup.template.scorableLeaves
        return try measure(checked ? "store one edit" : "store one edit, no base", unit: .milliseconds, runs: runs,
                           note: checked ? "apply([.result(row)], base: .seen(dossier)) in one transaction: compare-and-set + journal + summary refresh"
                                         : "the same edit with base .unconditional (no compare-and-set), for the difference",
                           prepare: { run -> (String, IndicatorResult, Dossier) in
            // The two variants edit different, untouched rows: the same work apart from the check.
            let id = ids[(run * step + (checked ? 2 : 4)) % ids.count]
            let d = try store.dossier(id: id)
            let node = leaves[(run * 7 + (checked ? 0 : 3)) % leaves.count]
            var row = d.result(for: node.id)
            let allowed = ScoringEngine.evaluate(node: node, result: row, evaluation: d.evaluation).allowedRange
            row.reviewScore = ScoringBenchmarks.changedScore(row.reviewScore, node: node, allowed: allowed)
            row.deductionReason = "复核调整：佐证材料不足"
            row.status = .reviewed
            row.reviewedBy = "(demo) 复核员"
            return (id, row, d)
        }) { _, input in
            guard try store.apply([.result(input.1)], to: input.0, base: checked ? .seen(input.2) : .unconditional,
                                  actor: BenchSetup.actor) != nil else {
                throw BenchFailure("the edit of \(input.0) changed nothing")
            }
        }
    }

    /// The compare-and-set check alone, as `apply` runs it inside its transaction (here in a read
    /// transaction of its own, so an upper bound): encode the row as seen, read the stored row,
    /// compare.
    func compareAndSetCheck() throws -> Measurement {
        let step = Swift.max(1, ids.count / Swift.max(runs, 1))
        let leaves = setup.template.scorableLeaves
        return try measure("compare-and-set check", unit: .microseconds, runs: Swift.max(runs, 200),
                           note: "staleFields(of: [.result(row)], base: .seen(dossier)): what CAS adds to a stored edit",
                           prepare: { run -> (String, IndicatorResult, Dossier) in
            let id = ids[(run * step + 3) % ids.count]
            let d = try store.dossier(id: id)
            var row = d.result(for: leaves[(run * 5) % leaves.count].id)
            row.reviewNote = "复核备注 \(run)"
            return (id, row, d)
        }) { _, input in
            guard try store.staleFields(of: [.result(input.1)], to: input.0, base: .seen(input.2)).isEmpty else {
                throw BenchFailure("the check found a conflict in an unchanged store")
            }
        }
    }

    /// Decoding one JSON text of 100 new dossiers (fewer when the store is smaller) and importing
    /// them into (a copy of) the big store;
    /// also reports the two halves.
    func importBatch() throws -> (total: Measurement, decode: Measurement, store: Measurement, jsonBytes: Int, count: Int) {
        Progress.say("copying the store for the import figure")
        let (target, copyPath) = try setup.scratchCopy()
        defer { setup.removeScratchCopy(copyPath) }
        let tag = String(UUID().uuidString.prefix(6))
        let perDossier = setup.itemCount(0)
        let count = Swift.min(BenchSetup.batchSize, setup.options.dossiers)   // 100, fewer for tiny smoke runs
        var bytesSeen = 0
        var decodeSamples: [UInt64] = [], storeSamples: [UInt64] = []
        let m = try measure("import \(count) dossiers", unit: .milliseconds, runs: runs,
                            note: "DossierDecoder.decode + importDossiers, one transaction",
                            prepare: { run -> [UInt8] in
            let first = setup.options.dossiers + run * count
            let batch = (0..<count).map { k in
                setup.factory.make(index: first + k, id: "SE-\(tag)-\(run + 1)-\(k + 1)", itemCount: perDossier)
            }
            let bytes = Array(DossierEncoder.encode(batch, sharedTemplateIDs: [setup.template.id]).utf8)
            bytesSeen = bytes.count
            return bytes
        }) { run, bytes in
            let (file, decodeNanos) = try timed { () throws -> DossierFile in
                let known = Dictionary(try target.templates().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                return try DossierDecoder.decode(bytes, file: "bench-\(run + 1).json", templates: { known[$0] })
            }
            guard file.dossiers.count == count else { throw BenchFailure("decoded \(file.dossiers.count) dossiers") }
            let (_, storeNanos) = try timed { try target.importDossiers(file.dossiers, actor: BenchSetup.actor, origin: "import") }
            decodeSamples.append(decodeNanos)
            storeSamples.append(storeNanos)
        }
        let decode = Measurement(name: "  of which decode", unit: .milliseconds, samples: decodeSamples,
                                 note: "templates() + DossierDecoder.decode of the JSON text")
        let store = Measurement(name: "  of which importDossiers", unit: .milliseconds, samples: storeSamples,
                                note: "importDossiers: rows, items, summaries, journal")
        return (m, decode, store, bytesSeen, count)
    }

    /// `fuhe check` and `fuhe verify` of the whole store (`check()`, `verifyJournal()`), one run
    /// each (minutes at 20,000 dossiers before issue 14); the benchmark fails when either finds a
    /// problem, so every figure is taken on a store both accept.
    func checkAndVerify() throws -> (check: Measurement, verify: Measurement) {
        let runs = Swift.min(self.runs, 2)
        // As `fuhe check` runs it: each dossier's messages are handed on (counted here) as its
        // block is checked, not kept.
        let check = try measure("fuhe check (store.check(visit:))", unit: .seconds, runs: runs,
                                note: "SQLite integrity, foreign keys, every summary against a fresh roll-up, every stored rule, every dossier's messages") { _ in
            var dossiers = 0, messages = 0
            let problems = try store.check { _, _, found in
                dossiers += 1
                messages += found.count
            }
            guard problems.isEmpty else {
                throw BenchFailure("fuhe check found \(problems.count) problem(s), first: \(problems[0])")
            }
            guard messages > 0 else { throw BenchFailure("fuhe check found no validation messages in the benchmark store") }
            return dossiers
        }
        let verify = try measure("fuhe verify (store.verifyJournal())", unit: .seconds, runs: runs,
                                 note: "journal hash chain, anchors, every stored value against its baseline and the journal") { _ in
            let result = try store.verifyJournal()
            guard result.isIntact else { throw BenchFailure("fuhe verify: \(result.problem ?? "broken")") }
            return result.entries
        }
        return (check, verify)
    }
}
