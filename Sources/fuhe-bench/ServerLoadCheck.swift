import Foundation
import FuheClient
import FuheCore
import FuheServer
import Synchronization

/// After a `--server-load` run: was any acknowledged edit lost? Each acknowledged note must be in
/// the journal exactly once, each row the reviewers touched must hold the last value the journal
/// gave it, and (with the database's URL) the journal must have no gap, its head where it ends and
/// its hash chain intact.
enum LoadCheck {
    static func check(_ acked: [LoadReviewer.Acked], probe: RemoteRepository, db: String?) throws -> [String] {
        let dossierIDs = Array(Set(acked.map(\.dossierID))).sorted()
        // What the journal says each touched row was set to, in journal order.
        var journalled: [String: [String]] = [:]
        var audit: ServerJournalAudit?
        if let db {
            let url = try PostgresURL(db)
            let (values, checked) = try blocking {
                try await ServerDatabase(url: url, appRole: "unused").using { database in
                    let store = ServerStore(db: database)
                    var values: [(dossierID: String, entityID: String, new: String?)] = []
                    for start in stride(from: 0, to: dossierIDs.count, by: 500) {
                        values += try await store.journalledValues(dossierIDs: Array(dossierIDs[start..<min(dossierIDs.count, start + 500)]),
                                                                   entity: "result", field: "reviewNote")
                    }
                    return (values.map { ($0.dossierID + "/" + $0.entityID, $0.new) }, try await store.auditJournal())
                }
            }
            for (key, new) in values { journalled[key, default: []].append(unquoted(new)) }
            audit = checked
        } else {
            for id in dossierIDs {
                for e in try probe.history(dossierID: id, entity: "result", entityID: nil).reversed() where e.record.field == "reviewNote" {
                    journalled[id + "/" + e.record.entityID, default: []].append(unquoted(e.record.new))
                }
            }
        }
        var notJournalled = 0, twice = 0, differs = 0
        for a in acked {
            let n = journalled[a.dossierID + "/" + a.nodeID]?.filter { $0 == a.note }.count ?? 0
            if n == 0 { notJournalled += 1 } else if n > 1 { twice += 1 }
        }
        let rows = Set(acked.map { $0.dossierID + "/" + $0.nodeID })
        for id in dossierIDs {
            let d = try probe.dossier(id: id)
            for key in rows where key.hasPrefix(id + "/") {
                let node = String(key.dropFirst(id.count + 1))
                if (d.result(for: node).reviewNote ?? "") != (journalled[key]?.last ?? "") { differs += 1 }
            }
        }
        let lost = notJournalled + differs
        var out = ["  lost updates: \(lost) (of \(acked.count) acknowledged edits on \(rows.count) rows of \(dossierIDs.count) units: \(notJournalled) not in the journal, \(differs) rows whose stored value is not the journal's last; \(twice) journalled twice)"]
        if let audit {
            let gap = audit.firstGap.map { "gap at #\($0)" } ?? "no gap"
            out.append("  journal: \(audit.entries) entries, \(gap), head \(audit.headMatches ? "at its end" : "NOT at its end"), hash chain \(audit.chain.problem ?? "intact") → \(audit.isIntact ? "verified" : "BROKEN")")
        } else {
            out.append("  journal: chain not checked (no --db)")
        }
        return out
    }

    /// A journalled value is the field's stored JSON: a note is a JSON string.
    static func unquoted(_ value: String?) -> String {
        guard let value else { return "" }
        if let data = value.data(using: .utf8), let s = try? JSONDecoder().decode(String.self, from: data) { return s }
        return value
    }

    /// Runs async work from the benchmark's threads and waits for it.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let r: Result<T, any Error>
            do { r = .success(try await body()) } catch { r = .failure(error) }
            box.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }
}
