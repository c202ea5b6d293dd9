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
    /// The values are handed out a few at a time as workers ask for them, so that the workers
    /// finish together: with one half each, a worker that got less of the CPU (beside the
    /// reading thread of `fuhe check`, SQLite's own checks, or another process) left the other
    /// core idle at the end of every block.
    static func map<In: Sendable, Out: Sendable>(_ values: [In], _ body: @Sendable @escaping (In) throws -> Out) throws -> [Out] {
        guard !values.isEmpty else { return [] }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, values.count))
        let chunk = max(1, min(16, values.count / (workers * 8)))
        let chunks = (values.count + chunk - 1) / chunk
        let next = Mutex(0)
        let parts = Mutex<[[Out]?]>(Array(repeating: nil, count: chunks))
        // The error of the first value that fails, in the values' order (chunks before it are
        // finished; none after it is started).
        let failure = Mutex<(at: Int, error: any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let c = next.withLock { n -> Int in
                    defer { n += 1 }
                    return n
                }
                let start = c * chunk, end = min(values.count, start + chunk)
                guard c < chunks, failure.withLock({ start < $0?.at ?? Int.max }) else { return }
                var local: [Out] = []
                local.reserveCapacity(end - start)
                for i in start..<end {
                    do { local.append(try body(values[i])) } catch {
                        failure.withLock { if i < $0?.at ?? Int.max { $0 = (i, error) } }
                        return
                    }
                }
                parts.withLock { $0[c] = local }
            }
        }
        if let error = failure.withLock({ $0?.error }) { throw error }
        return parts.withLock { all in all.flatMap { $0 ?? [] } }
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
