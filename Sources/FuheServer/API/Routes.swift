import Foundation
import FuheCore
import FuheWire
import Hummingbird

/// The workstation's API: login, the unit list, dossiers, edits (compare-and-set), undo, history
/// and the change feed (long-poll). docs/server.md lists every route.
extension FuheAPI {
    func addSessionRoutes(_ e: Endpoints) {
        e.add(.post, "/v1/login", auth: false, limit: 4096) { call in
            let request = try call.decode(LoginRequest.self)
            return try await accounts.login(name: request.name, password: request.password)
        }
        e.add(.post, "/v1/logout") { call in
            if let token = call.token { try await accounts.revoke(token: token) }
            return Done()
        }
        e.add(.get, "/v1/me") { call in call.who.info }
        e.add(.get, "/v1/units") { call in
            let units = try await store.unitList(call.who, filter: try Self.filter(call), today: try Self.today(call))
            return UnitList(units: units.map { WireUnit($0.0, team: $0.1) }, leased: try await store.leasedUnits(call.who))
        }
        e.add(.get, "/v1/units/:id") { call in
            let units = try await store.unitList(call.who, filter: .all, today: try Self.today(call), onlyDossier: try call.parameter("id"))
            return units.map { WireUnit($0.0, team: $0.1) }
        }
        e.add(.get, "/v1/dossiers/:id") { call in
            let (dossier, team) = try await store.dossier(call.who, id: try call.parameter("id"))
            return WireDossier(dossier, team: team)
        }
        e.add(.get, "/v1/templates/:id") { call in try await store.template(call.who, id: try call.parameter("id")) }
        e.add(.get, "/v1/schemes") { call in Array(try await store.gradeSchemes(call.who).values).sorted { $0.id < $1.id } }
        e.add(.post, "/v1/dossiers/:id/apply") { call in
            let request = try call.decode(ApplyRequest.self)
            guard let seen = request.seen else {
                throw ServerError.badRequest("修改须说明所依据的数据（seen）：服务器不接受无条件写入")
            }
            let changes: [StoreChange]
            do { changes = try request.changes.map { try $0.change() } } catch {
                throw ServerError.badRequest("修改内容无法解析：\(Call.explain(error))")
            }
            guard !changes.isEmpty else { throw ServerError.badRequest("没有要写入的修改") }
            let id = try call.parameter("id")
            let batch = try await store.apply(call.who, dossierID: id, changes: changes, seen: seen.seen, reason: request.reason,
                                              session: request.session)
            return BatchAnswer(batch: batch)
        }
        e.add(.post, "/v1/revert") { call in
            let request = try call.decode(RevertRequest.self)
            return BatchAnswer(batch: try await store.revert(call.who, batch: request.batch, session: request.session))
        }
        e.add(.get, "/v1/head") { _ in BatchAnswer(batch: try await store.journalHead().seq) }
        e.add(.get, "/v1/changes") { call in
            let since = JournalPosition(try call.int("since"))
            let limit = Int(try call.int("limit", default: 500))
            let wait = min(max(0, try call.int("wait", default: 0)), 30)
            var feed = try await store.changes(call.who, since: since, limit: limit)
            if feed.isEmpty && wait > 0 {
                await store.notifier.wait(teams: Set(call.who.teamIDs), after: since.seq, timeout: .seconds(wait))
                // Commits close together arrive together.
                try? await Task.sleep(for: .milliseconds(15))
                feed = try await store.changes(call.who, since: since, limit: limit)
            }
            return WireFeed(feed)
        }
        e.add(.get, "/v1/history") { call in
            guard let dossier = call.query["dossier"] else { throw ServerError.badRequest("缺少参数 dossier") }
            return WireEntries(try await store.history(call.who, dossierID: dossier, entity: call.query["entity"], entityID: call.query["entityID"]))
        }
    }

    static func today(_ call: Call) throws -> CalendarDay? {
        guard let text = call.query["today"] else { return nil }
        guard let day = CalendarDay(text) else { throw ServerError.badRequest("参数 today 须为日期（YYYY-MM-DD）：\(text.prefix(20))") }
        return day
    }

    static func filter(_ call: Call) throws -> UnitFilter {
        var f = UnitFilter.all
        if let t = call.query["evalType"] {
            guard let v = EvalType(rawValue: t) else { throw ServerError.badRequest("evalType 无效：\(t.prefix(20))") }
            f.evalType = v
        }
        if let s = call.query["reviewStatus"] {
            guard let v = ReviewStatus(rawValue: s) else { throw ServerError.badRequest("reviewStatus 无效：\(s.prefix(20))") }
            f.reviewStatus = v
        }
        f.flaggedOnly = call.query["flagged"] == "1"
        f.overdueOnly = call.query["overdue"] == "1"
        return f
    }
}
