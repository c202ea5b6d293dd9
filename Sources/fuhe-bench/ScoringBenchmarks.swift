import Foundation
import FuheCore
import FuheStore

/// In-memory scoring measurements (no store access inside the timing).
struct ScoringBenchmarks {
    let setup: BenchSetup
    let store: FuheStore
    let ids: [String]
    var runs: Int { setup.options.runs }
    /// Edits in the long series that gives a p99.
    static let editSeries = 1_000

    /// A review score different from `current`, inside the node's range.
    static func changedScore(_ current: Score?, node: IndicatorNode, allowed: ClosedRange<Score>? = nil) -> Score {
        // Within the row's allowed range when it has one: the store refuses anything else.
        let range = allowed ?? node.minScore...node.maxScore
        let top = range.upperBound
        let lower = Score(hundredths: Swift.max(range.lowerBound.hundredths, top.hundredths - Swift.max(1, top.hundredths / 10)))
        return current == top ? lower : top
    }

    /// One edit (a row's review score) followed by `DossierScorer.score`, on a dossier already
    /// scored once, so unchanged rows come from the scorer's memo.
    func rescoreAfterEdit() throws -> (Measurement, series: Measurement) {
        var dossier = try store.dossier(id: ids[ids.count / 2])
        let leaves = setup.template.scorableLeaves
        var sink = Sink()
        sink.consume(DossierScorer.score(dossier, scheme: setup.scheme).reviewedLeafCount)
        func edit(_ n: Int) -> ScoredDossier {
            let node = leaves[(n * 7) % leaves.count]
            var row = dossier.result(for: node.id)
            row.reviewScore = Self.changedScore(row.reviewScore, node: node)
            row.status = .reviewed
            dossier.results[node.id] = row
            return DossierScorer.score(dossier, scheme: setup.scheme)
        }
        let single = measure("rescore after one edit", unit: .microseconds, runs: runs,
                             note: "set one review score, DossierScorer.score") { run in
            sink.consume(edit(run).reviewedLeafCount)
        }
        let series = measure("rescore after edit ×\(Self.editSeries)", unit: .microseconds, runs: Self.editSeries,
                             note: "same, \(Self.editSeries) successive edits (p99 shown)") { run in
            sink.consume(edit(runs + run).reviewedLeafCount)
        }
        withExtendedLifetime(sink) {}
        return (single, series)
    }

    /// Scoring a dossier the scorer has not seen (no memo): every row is evaluated.
    func scoreFirstTime() throws -> Measurement {
        var sink = Sink()
        let m = try measure("score one dossier, first time", unit: .microseconds, runs: runs,
                            note: "DossierScorer.score with every row evaluated",
                            prepare: { run -> Dossier in
            var d = try store.dossier(id: ids[(run * 13 + 5) % ids.count])
            d.evaluation.id = "COLD-\(UUID().uuidString)"   // an id the scorer's memo has never seen
            return d
        }) { _, d in
            sink.consume(DossierScorer.score(d, scheme: setup.scheme).scorableLeafCount)
        }
        withExtendedLifetime(sink) {}
        return m
    }

    /// Every dossier loaded once (outside the timing); each run scores all of them.
    func rescoreAll() throws -> (Measurement, loadNanos: UInt64) {
        Progress.say("loading all \(ids.count) dossiers into memory")
        let (all, loadNanos) = try timed { try ids.map { try store.dossier(id: $0) } }
        Progress.say("  loaded in \(format(Double(loadNanos) / 1e9)) s")
        var sink = Sink()
        let m = measure("rescore all dossiers", unit: .milliseconds, runs: runs,
                        note: "DossierScorer.score on each of the \(all.count) loaded dossiers") { _ in
            for d in all { sink.consume(DossierScorer.score(d, scheme: setup.scheme).reviewedLeafCount) }
        }
        withExtendedLifetime(sink) {}
        return (m, loadNanos)
    }
}
