import Foundation
import FuheCore
import Synchronization

/// A dossier's own rows as the store keeps them (JSON text per row), encoded once — outside the
/// write transaction and, for many dossiers, on every core (`encodeAll`).
struct EncodedDossier: Sendable {
    let dossier: Dossier
    let evaluation: String
    let selfTeam: String
    let review: String?
    /// Scoresheet rows by node id.
    let results: [(nodeID: String, json: String)]
    /// In the dossier's order of evidence, findings and items.
    let evidence: [String]
    let findings: [String]
    let items: [String]
    let sortKey: String

    init(_ d: Dossier) {
        dossier = d
        evaluation = JSONColumn.encode(d.evaluation)
        selfTeam = JSONColumn.encode(d.selfTeam)
        review = d.review.map(JSONColumn.encode)
        results = d.results.map { ($0.key, JSONColumn.encode($0.value)) }
        evidence = d.evidence.map(JSONColumn.encode)
        findings = d.findings.map(JSONColumn.encode)
        items = d.items.map(JSONColumn.encode)
        sortKey = SortKey.of(d.unit.displayName)
    }

    /// The stored text of every journalled entity of the dossier's own rows, by entity key (what
    /// `EntitySnapshots.read` reads back once they are stored).
    var entityTexts: [EntityKey: String] {
        let id = dossier.id
        var out: [EntityKey: String] = [:]
        for (nodeID, json) in results { out[EntityKey(dossierID: id, entity: "result", id: nodeID)] = json }
        for (e, json) in zip(dossier.evidence, evidence) { out[EntityKey(dossierID: id, entity: "evidence", id: e.id)] = json }
        for (f, json) in zip(dossier.findings, findings) { out[EntityKey(dossierID: id, entity: "finding", id: f.id)] = json }
        for (i, json) in zip(dossier.items, items) { out[EntityKey(dossierID: id, entity: "item", id: i.id)] = json }
        out[EntityKey(dossierID: id, entity: "evaluation", id: id)] = evaluation
        if let review { out[EntityKey(dossierID: id, entity: "review", id: id)] = review }
        return out
    }

    /// Encodes many dossiers on every core, in order; `prepare` runs on the same core for each
    /// (scoring, digests) and its result is returned beside the encoding.
    static func encodeAll<Extra: Sendable>(_ dossiers: [Dossier], prepare: @Sendable @escaping (EncodedDossier) throws -> Extra) throws
        -> [(EncodedDossier, Extra)] {
        try ParallelWork.map(dossiers) { d in
            let e = EncodedDossier(d)
            return (e, try prepare(e))
        }
    }
}

/// Runs a function over many values on every core, keeping their order.
enum ParallelWork {
    static func map<In: Sendable, Out: Sendable>(_ values: [In], _ body: @Sendable @escaping (In) throws -> Out) throws -> [Out] {
        guard !values.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, values.count))
        let chunk = (values.count + workers - 1) / workers
        let parts = Mutex<[Int: [Out]]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk, end = min(values.count, start + chunk)
            guard start < end else { return }
            var local: [Out] = []
            local.reserveCapacity(end - start)
            for value in values[start..<end] {
                if failure.withLock({ $0 != nil }) { return }
                do { local.append(try body(value)) } catch {
                    failure.withLock { $0 = $0 ?? error }
                    return
                }
            }
            parts.withLock { $0[worker] = local }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return parts.withLock { all in (0..<workers).flatMap { all[$0] ?? [] } }
    }
}

/// Work started on another thread now and collected later (`result()` waits for it), so that the
/// calling thread can do something else meanwhile — `fuhe check` reads the next block.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker before `done` is signalled, read after waiting for it.
    private var outcome: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.outcome = Result { try body() }
            self.done.signal()
        }
    }

    /// The value, or the error the work threw; waits until the work is done.
    func result() throws -> Value {
        done.wait()
        done.signal()   // whoever asks next does not wait again
        return try outcome!.get()
    }
}
