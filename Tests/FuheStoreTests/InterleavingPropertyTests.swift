import Foundation
import Testing
import FuheCore
@testable import FuheStore
import FuheTestSupport

/// Seeded random interleavings of two writers on one store — edits from views that go stale,
/// undo, redo, and a site copy checked out, edited and merged back — checked against a model of
/// the committed values: no committed value is ever lost. Each value is still current, or was
/// replaced by a write whose base saw it (the journal's old value is what the model had and what
/// that write was based on); and every refusal was a real conflict.
@Suite struct InterleavingPropertyTests {
    static let dossierID = "SE-HS-ZWZX-2021"
    static let fields = ["reviewNote", "deductionReason", "reviewScore"]
    static let values: [String: [String?]] = [
        "reviewNote": ["甲", "乙", "丙", nil], "deductionReason": ["理由一", "理由二", nil], "reviewScore": ["1.00", "2.00", "3.00", nil],
    ]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as [UInt64])
    func noCommittedValueIsLost(seed: UInt64) throws {
        var world = try World(seed: seed)
        defer { world.s.remove() }
        for step in 0..<70 { try world.step(step) }
        #expect(world.committed > 10, "seed \(seed): too few writes to mean anything")
        #expect(world.refused > 0, "seed \(seed): no interleaving was ever stale")
        #expect(try world.s.store.verifyJournal().isIntact)
    }

    /// One run: the store, two writers, an optional copy out, and the model.
    struct World {
        struct Writer {
            let store: FuheStore
            let session: String
            var view: Dossier
            /// (batch, row, field, before, after) of this session's edits and redos; undos go to `redo`.
            var undo: [(Int64, String, String, String?, String?)] = []
            var redo: [(Int64, String, String, String?, String?)] = []
        }

        let s: SampleStore
        var rng: SplitMix
        var writers: [Writer]
        let rows: [String]
        /// The committed value of each tracked field (row → field → value text; nil = absent).
        var truth: [String: [String: String?]] = [:]
        var copy: (path: String, n: Int)?
        var prepared: (MergePreparation, [String: MergeDecision])?
        var copies = 0
        var committed = 0
        var refused = 0

        init(seed: UInt64) throws {
            s = try SampleStore()
            rng = SplitMix(seed: seed)
            let d = try s.store.dossier(id: InterleavingPropertyTests.dossierID)
            rows = Array(d.template.scorableLeaves.map(\.id).filter { d.results[$0] != nil }.prefix(3))
            let other = try FuheStore.open(path: s.path, createIfMissing: false, clock: s.clock)
            writers = [Writer(store: s.store, session: "A", view: d), Writer(store: other, session: "B", view: d)]
            for r in rows { for f in InterleavingPropertyTests.fields { truth[r, default: [:]][f] = .some(Self.get(d.result(for: r), f)) } }
        }

        static func get(_ r: IndicatorResult, _ f: String) -> String? {
            switch f {
            case "reviewNote": r.reviewNote
            case "deductionReason": r.deductionReason
            default: r.reviewScore?.description
            }
        }

        static func set(_ r: inout IndicatorResult, _ f: String, _ v: String?) {
            switch f {
            case "reviewNote": r.reviewNote = v
            case "deductionReason": r.deductionReason = v
            default: r.reviewScore = v.flatMap(Score.init)
            }
        }

        static func json(_ v: String?) -> String? { v.map(JSONFields.quote) }

        mutating func step(_ n: Int) throws {
            let roll = rng.next(100)
            let w = rng.next(2)
            let head = try s.store.journalHead()
            let before = truth
            switch roll {
            case 0..<45: try edit(w)
            case 45..<58: try revert(w, redoing: false)
            case 58..<66: try revert(w, redoing: true)
            case 66..<80: writers[w].view = try writers[w].store.dossier(id: InterleavingPropertyTests.dossierID)
            default: try siteWork()
            }
            try checkJournal(since: head, before: before, step: n)
            try checkStore(step: n)
        }

        mutating func edit(_ w: Int) throws {
            let r = rows[rng.next(rows.count)]
            let f = InterleavingPropertyTests.fields[rng.next(3)]
            let choices = InterleavingPropertyTests.values[f] ?? [nil]
            let v = choices[rng.next(choices.count)]
            let view = writers[w].view
            var row = view.result(for: r)
            let seen = Self.get(row, f)
            Self.set(&row, f, v)
            let storedRow = try s.store.dossier(id: view.id).result(for: r)
            do {
                let batch = try writers[w].store.apply([.result(row)], to: view.id, base: .seen(view), actor: writers[w].session,
                                                       session: writers[w].session)
                // It saw every value it replaced: the row now holds only what was seen or proposed.
                #expect(storedRow == view.result(for: r) || Self.onlyDiffersWhereProposed(storedRow, seen: view.result(for: r), proposed: row))
                if let batch {
                    truth[r]?[f] = .some(v)
                    writers[w].undo.append((batch, r, f, seen, v))
                    writers[w].redo.removeAll()
                    committed += 1
                }
            } catch let stale as StaleWrite {
                // A real conflict: the stored row is not what was seen, and each named field says its value now.
                #expect(storedRow != view.result(for: r))
                let encoded = JSONFields.split(JSONColumn.encode(storedRow))
                #expect(stale.fields.allSatisfy { $0.current == encoded[$0.field] })
                refused += 1
            }
            writers[w].view = try writers[w].store.dossier(id: view.id)
        }

        static func onlyDiffersWhereProposed(_ stored: IndicatorResult, seen: IndicatorResult, proposed: IndicatorResult) -> Bool {
            let s = JSONFields.split(JSONColumn.encode(stored)), b = JSONFields.split(JSONColumn.encode(seen))
            let p = JSONFields.split(JSONColumn.encode(proposed))
            return Set(s.keys).union(b.keys).allSatisfy { s[$0] == b[$0] || s[$0] == p[$0] }
        }

        mutating func revert(_ w: Int, redoing: Bool) throws {
            guard let entry = redoing ? writers[w].redo.popLast() : writers[w].undo.popLast() else { return }
            let (batch, r, f, before, after) = entry
            do {
                guard let next = try writers[w].store.revert(batch: batch, actor: writers[w].session, session: writers[w].session) else { return }
                #expect(truth[r]?[f] == .some(after))
                truth[r]?[f] = .some(before)
                let back = (next, r, f, after, before)
                if redoing { writers[w].undo.append(back) } else { writers[w].redo.append(back) }
                committed += 1
            } catch let stale as StaleWrite {
                // Someone changed the field since this session wrote it.
                #expect(truth[r]?[f] != .some(after))
                #expect(stale.fields.contains { $0.key.id == r && $0.field == f })
                refused += 1
            }
        }

        /// The site: check a copy out, edit it, prepare its merge, commit it — one step at a time,
        /// so that the writers' steps fall in between.
        mutating func siteWork() throws {
            if let (p, decisions) = prepared {
                prepared = nil
                let finals = try p.plan.resolve(decisions)
                do {
                    let outcome = try s.store.commitMerge(p, decisions: decisions, actor: "组长")
                    if outcome.batch != nil {
                        for (key, final) in finals where rows.contains(key.id) && key.entity == "result" {
                            let fields = JSONFields.split(final)
                            for f in InterleavingPropertyTests.fields {
                                truth[key.id]?[f] = .some(fields[f].flatMap { try? JSONDecoder().decode(String.self, from: Data($0.utf8)) })
                            }
                        }
                        copy = nil
                        committed += 1
                    }
                } catch let error as StoreError {
                    // Refused only because main changed under the plan.
                    #expect("\(error)".contains("决定冲突期间"))
                    #expect(try s.store.journalHead().seq > p.mainJournalSeq)
                    refused += 1
                }
                return
            }
            guard let (path, n) = copy else {
                copies += 1
                let path = s.directory.appendingPathComponent("site-\(copies).fuhe").path
                try s.store.checkout(dossierIDs: [InterleavingPropertyTests.dossierID], to: path, holder: "张三", actor: "组长")
                copy = (path, 0)
                return
            }
            if n < 2 || rng.next(2) == 0 {
                let site = try FuheStore.open(path: path, createIfMissing: false, clock: s.clock)
                let view = try site.dossier(id: InterleavingPropertyTests.dossierID)
                let r = rows[rng.next(rows.count)], f = InterleavingPropertyTests.fields[rng.next(3)]
                var row = view.result(for: r)
                Self.set(&row, f, "现场\(n)")
                try site.apply([.result(row)], to: view.id, base: .seen(view), actor: "张三")
                copy = (path, n + 1)
            } else {
                let p = try s.store.prepareMerge(copyPath: path)
                prepared = (p, p.plan.decisions(preferring: rng.next(2) == 0 ? .main : .copy))
            }
        }

        /// Every value a new batch replaced is the committed one: the journal's old value for each
        /// tracked field equals the model's value before the step.
        func checkJournal(since head: JournalPosition, before: [String: [String: String?]], step: Int) throws {
            for e in try s.store.changes(since: head).batches.flatMap(\.entries)
            where e.record.entity == "result" && rows.contains(e.record.entityID) && InterleavingPropertyTests.fields.contains(e.record.field) {
                let committedValue = before[e.record.entityID]?[e.record.field] ?? nil
                #expect(e.record.old == Self.json(committedValue), "step \(step): \(e.record.entityID).\(e.record.field) replaced \(e.record.old ?? "nil"), committed was \(committedValue ?? "nil")")
            }
        }

        /// The store holds exactly the model's values.
        func checkStore(step: Int) throws {
            let d = try s.store.dossier(id: InterleavingPropertyTests.dossierID)
            for r in rows {
                for f in InterleavingPropertyTests.fields {
                    let stored = Self.get(d.result(for: r), f), model = truth[r]?[f] ?? nil
                    #expect(stored == model, "step \(step): \(r).\(f) is \(stored ?? "nil") but \(model ?? "nil") was committed")
                }
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so that a failing interleaving can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
