import Foundation
import FuheCore
import FuheWire
import Hummingbird

/// What an administrator does: accounts, teams, which team owns which unit, the audit log.
extension FuheAPI {
    func addAdminRoutes(_ e: Endpoints) {
        e.add(.get, "/v1/admin/users") { call in
            try call.who.require(.manageAccounts)
            return try await accounts.list()
        }
        e.add(.post, "/v1/admin/users", limit: 16_384) { call in
            try call.who.require(.manageAccounts)
            try await accounts.create(try call.decode(NewAccount.self), by: call.who.name)
            return Done()
        }
        e.add(.post, "/v1/admin/users/:name", limit: 16_384) { call in
            try call.who.require(.manageAccounts)
            try await accounts.change(try call.parameter("name"), try call.decode(AccountChange.self), by: call.who.name)
            return Done()
        }
        e.add(.get, "/v1/admin/teams") { call in
            try call.who.require(.manageAccounts)
            return try await accounts.teams()
        }
        e.add(.post, "/v1/admin/teams", limit: 4096) { call in
            try call.who.require(.manageAccounts)
            try await accounts.createTeam(try call.decode(TeamInfo.self).name, by: call.who.name)
            return Done()
        }
        e.add(.post, "/v1/admin/assign", limit: 1 << 20) { call in
            try call.who.require(.manageAccounts)
            let a = try call.decode(Assignment.self)
            return BatchAnswer(batch: Int64(try await store.assign(a.dossierIDs, to: a.team, by: call.who)))
        }
        e.add(.get, "/v1/admin/audit") { call in
            try call.who.require(.manageAccounts)
            return try await store.audit(limit: Int(try call.int("limit", default: 200)))
        }
    }
}
