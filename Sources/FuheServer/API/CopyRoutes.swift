import Foundation
import FuheCore
import FuheWire
import Hummingbird

/// Offline copies through the server (checkout, merge, leases) and moving stores in and out
/// (push, pull).
extension FuheAPI {
    /// Uploads may be large (a chunk of a local store with its history).
    static let uploadLimit = 64 << 20

    func addCopyRoutes(_ e: Endpoints) {
        e.add(.post, "/v1/push", limit: Self.uploadLimit) { call in
            let request = try call.decode(PushRequest.self)
            guard let dossiers = request.bundle.model() else { throw ServerError.badRequest("上传的单位引用了没有随之上传的模板") }
            let done = try await store.push(call.who, team: request.team, dossiers: dossiers, templates: request.bundle.templates,
                                            history: request.history.map(\.entry), source: request.source)
            return PushAnswer(imported: done.imported, unchanged: done.unchanged)
        }
        e.add(.get, "/v1/export") { call in
            try call.who.require(.pull)
            let ids = try await store.unitList(call.who, filter: .all, today: nil)
                .filter { call.query["team"] == nil || $0.1 == call.query["team"] }.map(\.0.dossierID)
            let offset = Int(try call.int("offset", default: 0)), limit = Int(try call.int("limit", default: 200))
            let page = Array(ids.dropFirst(max(0, offset)).prefix(max(1, min(limit, 1_000))))
            return try await store.bundle(call.who, dossierIDs: page, total: ids.count)
        }
    }
}

extension FuheAPI {
    func addLeaseRoutes(_ e: Endpoints) {
        e.add(.post, "/v1/checkout/start", limit: 1 << 20) { call in
            try await store.checkoutStart(call.who, dossierIDs: try call.decode(CheckoutStart.self).dossierIDs)
        }
        e.add(.post, "/v1/checkout/commit", limit: 1 << 20) { call in
            try await store.checkoutCommit(call.who, try call.decode(CheckoutCommit.self))
        }
        e.add(.get, "/v1/leases") { call in try await store.leases(call.who) }
        e.add(.post, "/v1/leases/:id/release", limit: 16_384) { call in
            try await store.release(call.who, leaseID: try call.parameter("id"), reason: try call.decode(ReleaseRequest.self).reason)
            return Done()
        }
        e.add(.post, "/v1/leases/:id/basis", limit: Self.uploadLimit) { call in
            try await store.mergeBasis(call.who, leaseID: try call.parameter("id"), try call.decode(CopyUpload.self))
        }
        e.add(.post, "/v1/leases/:id/merge", limit: Self.uploadLimit) { call in
            try await store.merge(call.who, leaseID: try call.parameter("id"), try call.decode(MergeRequest.self))
        }
    }
}
