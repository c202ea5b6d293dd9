import Foundation
import FuheClient
import FuheCore
import Synchronization

/// One simulated reviewer of `fuhe-bench --server-load`: its own connection and session, its own
/// units (a slice of its team's), worked through one at a time as a person would — open the unit
/// (one read), then a few edits to its scoresheet's review notes with thinking between them, then
/// the next unit. Now and then (`collide`) it edits a row of a unit it shares with its neighbours
/// instead, on what it read of that unit earlier: someone else may have changed the row since, and
/// the server refuses the stale edit (compare-and-set); the reviewer reads the unit again and
/// makes the edit once more, as the workstation's conflict pane leads a user to do.
final class LoadReviewer: Sendable {
    struct Plan: Sendable {
        var index: Int
        var units: [String]
        var shared: String
        var editsPerUnit: Int
        var think: ClosedRange<Double>
        var collide: Double
        var deadline: Date
        var tag: String
    }

    /// An acknowledged edit: the row and the unique note the server confirmed.
    struct Acked: Sendable {
        var dossierID: String
        var nodeID: String
        var note: String
    }

    let editLatencies = Mutex<[UInt64]>([])
    let readLatencies = Mutex<[UInt64]>([])
    let acked = Mutex<[Acked]>([])
    let refusals = Mutex(0)
    let unavailable = Mutex(0)
    let skipped = Mutex(0)
    let errors = Mutex<[String]>([])

    func run(_ plan: Plan, repository: RemoteRepository, user: String) {
        var random = SystemRandomNumberGenerator()
        var sharedSeen: Dossier?
        var n = 0
        var next = 0
        while Date() < plan.deadline, next < plan.units.count * 4 {
            let unit = plan.units[next % plan.units.count]
            next += 1
            guard var seen = timedRead(unit, repository) else { continue }
            guard (seen.review?.status ?? .draft) == .draft, !seen.template.scorableLeaves.isEmpty else {
                skipped.withLock { $0 += 1 }
                continue
            }
            for _ in 0..<plan.editsPerUnit {
                think(plan, &random)
                guard Date() < plan.deadline else { return }
                n += 1
                let note = "压测 \(plan.tag) r\(plan.index) e\(n)"
                if Double.random(in: 0..<1, using: &random) < plan.collide {
                    // A row of the shared unit, on what this reviewer saw of it (maybe long ago).
                    if sharedSeen == nil { sharedSeen = timedRead(plan.shared, repository) }
                    guard let base = sharedSeen, (base.review?.status ?? .draft) == .draft else { continue }
                    let leaves = base.template.scorableLeaves.prefix(2)
                    guard let node = leaves.randomElement(using: &random)?.id else { continue }
                    if !edit(plan.shared, node: node, note: note, seen: &sharedSeen, repository, user: user) {
                        sharedSeen = timedRead(plan.shared, repository)
                        _ = edit(plan.shared, node: node, note: note + "′", seen: &sharedSeen, repository, user: user)
                    }
                } else {
                    guard let node = seen.template.scorableLeaves.randomElement(using: &random)?.id else { continue }
                    var current: Dossier? = seen
                    if !edit(unit, node: node, note: note, seen: &current, repository, user: user), let fresh = timedRead(unit, repository) {
                        current = fresh
                    }
                    if let current { seen = current }
                }
            }
        }
    }

    /// Thinks for a random time in `plan.think` (seconds), never past the deadline.
    private func think(_ plan: LoadReviewer.Plan, _ random: inout SystemRandomNumberGenerator) {
        let pause = Double.random(in: plan.think, using: &random)
        Thread.sleep(forTimeInterval: max(0, min(pause, plan.deadline.timeIntervalSinceNow)))
    }

    private func timedRead(_ unit: String, _ repository: RemoteRepository) -> Dossier? {
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            let d = try repository.dossier(id: unit)
            let t1 = DispatchTime.now().uptimeNanoseconds
            readLatencies.withLock { $0.append(t1 - t0) }
            return d
        } catch {
            note(error)
            return nil
        }
    }

    /// One compare-and-set edit of a row's review note; true when acknowledged.
    private func edit(_ unit: String, node: String, note text: String, seen: inout Dossier?, _ repository: RemoteRepository, user: String) -> Bool {
        guard let base = seen else { return false }
        var row = base.result(for: node)
        row.reviewNote = text
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            _ = try repository.apply([.result(row)], to: unit, base: .seen(base), actor: user, reason: nil, origin: "local")
            let t1 = DispatchTime.now().uptimeNanoseconds
            editLatencies.withLock { $0.append(t1 - t0) }
            acked.withLock { $0.append(Acked(dossierID: unit, nodeID: node, note: text)) }
            seen = base.applying([.result(row)])
            return true
        } catch {
            note(error)
            return false
        }
    }

    private func note(_ error: any Error) {
        // The client raises the server's stale refusal as FuheCore's `StaleWrite`.
        if error is StaleWrite || (error as? ServerRefusal)?.code == "stale" {
            refusals.withLock { $0 += 1 }
        } else if error is ServerUnreachable {
            unavailable.withLock { $0 += 1 }
            Thread.sleep(forTimeInterval: 0.5)
        } else {
            errors.withLock { $0.append("\(error)") }
        }
    }
}
