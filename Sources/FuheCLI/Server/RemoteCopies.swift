import ArgumentParser
import Foundation
import FuheApp
import FuheClient
import FuheCore
import FuheFiles
import FuheStore
import FuheWire

/// `fuhe checkout|merge|leases --server URL`: offline copies with the server as the main store.
/// The copy file is the same format (`FuheStore.writeCopy`), the merge the same plan and conflict
/// pane; the server records the lease and checks and commits the merge.
enum RemoteCopies {
    static func call<T: Decodable>(_ client: ServerClient, _ method: String, _ path: String, body: (some Encodable)? = Optional<Done>.none,
                                   query: [String: String] = [:]) throws -> T {
        do { return try client.call(method, path, query: query, body: body, timeout: 300) } catch { throw CLIFailure("\(error)") }
    }

    /// Dossier ids for `--unit` (id, or part of the name in Chinese or pinyin) and `--filter`.
    static func resolve(_ units: [String], filter: UnitFilter?, client: ServerClient) throws -> [String] {
        let all: UnitList = try call(client, "GET", "/v1/units")
        var ids: [String] = []
        for q in units {
            let key = q.lowercased().replacingOccurrences(of: " ", with: "")
            let hits = all.units.filter { u in
                u.id == q || u.unitName.contains(q) || SortKey.of(u.unitName).replacingOccurrences(of: " ", with: "").contains(key)
            }
            guard hits.count == 1 || hits.contains(where: { $0.id == q }) else {
                throw CLIFailure(hits.isEmpty ? tr("你的单位中没有与“\(q)”相符的", "no unit of yours matches \"\(q)\"")
                                 : tr("“\(q)”与 \(hits.count) 个单位相符：\(hits.map(\.unitName).joined(separator: "、"))；请用档案编号", "\"\(q)\" matches \(hits.count) units: \(hits.map(\.unitName).joined(separator: "、")); use the dossier id"))
            }
            ids.append(hits.first { $0.id == q }?.id ?? hits[0].id)
        }
        if let filter {
            var q: [String: String] = [:]
            if let t = filter.evalType { q["evalType"] = t.rawValue }
            if let s = filter.reviewStatus { q["reviewStatus"] = s.rawValue }
            if filter.flaggedOnly { q["flagged"] = "1" }
            if filter.overdueOnly { q["overdue"] = "1" }
            let matching: UnitList = try call(client, "GET", "/v1/units", query: q)
            guard !matching.units.isEmpty else { throw CLIFailure(tr("没有单位符合筛选条件", "no unit matches the filter")) }
            ids += matching.units.map(\.id)
        }
        return ids
    }

    static func checkout(client: ServerClient, server: URL, ids: [String], out: String, force: Bool, holder: String, actor: String) throws {
        // The name is checked (and taken when the copy is complete) as every output is.
        let pending: OutputFile.Pending
        do { pending = try OutputFile.begin(out, force: force) } catch { throw CLIFailure(error.description) }
        let ticket: CheckoutTicket = try call(client, "POST", "/v1/checkout/start", body: CheckoutStart(dossierIDs: ids))
        for w in ticket.warnings { FileHandle.standardError.write(Data((w + "\n").utf8)) }
        guard let dossiers = ticket.bundle.model() else { throw CLIFailure(tr("服务器的回答引用了它没有发来的模板", "the server's answer names a template it did not send")) }
        let bundled = Set(try BundledData.templates().map(\.id))
        let copy: BuiltCopy
        do {
            copy = try FuheStore.buildCopy(dossiers, path: out, templates: ticket.bundle.templates.filter { bundled.contains($0.id) },
                                           schemes: ticket.bundle.schemes,
                                           source: CopySource(storeID: ticket.storeID, name: TokenFile.key(server), leaseID: ticket.leaseID,
                                                              holder: holder, since: ticket.since), actor: actor)
            try pending.append(copy.bytes)
        } catch let error as StoreError { throw CLIFailure(error.description) } catch let error as OutputError { throw CLIFailure(error.description) }
        let lease: WireLease = try call(client, "POST", "/v1/checkout/commit", body: CheckoutCommit(
            leaseID: ticket.leaseID, dossierIDs: dossiers.map(\.id), copyStoreID: copy.copyStoreID, baseDigest: copy.digest, holder: holder,
            outPath: out, since: ticket.since))
        do { try pending.commit() } catch {
            let _: Done? = try? call(client, "POST", "/v1/leases/\(lease.id)/release", body: ReleaseRequest(reason: "副本未能写入 \(out)：\(error)"))
            throw CLIFailure(tr("\(out)：副本未能写入（\(error)）；借出已撤销", "\(out): cannot write the copy (\(error)); the lease was released"))
        }
        let names = Dictionary(dossiers.map { ($0.id, $0.unit.name) }, uniquingKeysWith: { a, _ in a })
        let taken = lease.dossierIDs.map { names[$0] ?? $0 }.joined(separator: "、")
        print(tr("已把 \(lease.dossierIDs.count) 个单位借出到 \(out)（借出 \(lease.id)，借给 \(lease.holder)）：\(taken)",
                 "checked out \(lease.dossierIDs.count) unit(s) to \(out) as lease \(lease.id) for \(lease.holder): \(taken)"))
        print(tr("打开：fuhe --store \(out)；合并回来：fuhe merge --server \(TokenFile.key(server)) \(out)",
                 "open it with: fuhe --store \(out); bring it back with: fuhe merge --server \(TokenFile.key(server)) \(out)"))
    }

    static func merge(client: ServerClient, server: URL, file: String, prefer: MergeDecision?, dryRun: Bool, closeEmpty: Bool) throws {
        let copy: CopyForMerge
        do { copy = try FuheStore.openCopyForMerge(file) } catch let error as StoreError { throw CLIFailure(error.description) }
        defer { copy.release() }
        let (base, values, journal) = try copy.contents()
        let upload = CopyUpload(file: (file as NSString).lastPathComponent, copyStoreID: try copy.storeID(), sourceStoreID: copy.origin.sourceStoreID,
                                base: base, copy: values, journal: journal)
        let basis: MergeBasis = try call(client, "POST", "/v1/leases/\(copy.origin.leaseID)/basis", body: upload)
        let heading = "副本 \(upload.file)（\(basis.lease.id) · \(basis.lease.holder) · \(basis.lease.since.prefix(10)) 借出）→ \(TokenFile.key(server))"
        print(heading)
        if basis.alreadyMerged {
            print("已合并过：\(basis.lease.id) 于 \(basis.lease.mergedAt?.prefix(16) ?? "?") 合并，副本此后未改动；再次合并不会改变任何内容")
            return
        }
        let dossiers = Dictionary((basis.bundle.model() ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rules: [String: CopyChecks.RowRules] = [:]
        for (id, d) in dossiers { rules[id] = CopyChecks.RowRules(template: d.template, evaluation: d.evaluation) }
        let plan = ThreeWayMerge.plan(base: base, main: CopyUpload.snapshot(basis.main), copy: values, locked: Set(basis.locked),
                                      validate: CopyChecks.validator(rowRules: rules))
        MergePlanText.lines(plan: plan, dossiers: dossiers).forEach { print($0) }
        if plan.isEmpty && !closeEmpty {
            print("副本没有任何修改（与借出时相同）：借出 \(basis.lease.id) 保持借出中，什么都没有写入。若现场改过，拿来的可能是旧文件；确认不会再改时用 --close-empty 结束借出")
            return
        }
        if dryRun { print("（预演 --dry-run：什么都没有写入）"); return }
        var decisions: [String: MergeDecision] = [:]
        if !plan.conflicts.isEmpty {
            if let prefer {
                decisions = plan.decisions(preferring: prefer)
            } else if isatty(0) == 1 && isatty(1) == 1 {
                let decided = try MainActor.assumeIsolated { try MergeRunner.decide(plan: plan, dossiers: dossiers, title: heading) }
                guard let decided else { throw CLIFailure(tr("合并已取消；什么都没有写入", "merge cancelled; nothing was written")) }
                decisions = decided
            } else {
                throw CLIFailure(tr("有 \(plan.conflicts.count) 个冲突需要决定：请在终端中运行 fuhe merge，或加 --prefer main|copy；什么都没有写入",
                                     "\(plan.conflicts.count) conflict(s) need a decision: run fuhe merge in a terminal, or pass --prefer main|copy; nothing was written"))
            }
        }
        let request = MergeRequest(copy: upload, decisions: decisions, mainJournalSeq: basis.mainJournalSeq, closeEmpty: closeEmpty,
                                   session: UUID().uuidString.lowercased())
        let answer: MergeAnswer
        do { answer = try client.call("POST", "/v1/leases/\(basis.lease.id)/merge", body: request, timeout: 300) } catch let stale as StaleWrite {
            throw CLIFailure(stale.message(in: nil).replacingOccurrences(of: "\n", with: "\n  "))
        } catch { throw CLIFailure("\(error)") }
        if answer.leftOpen { print("副本没有任何修改：借出 \(basis.lease.id) 保持借出中"); return }
        if plan.isEmpty { print("副本没有任何修改：借出 \(basis.lease.id) 已结束（--close-empty）"); return }
        print(tr("已合并 \(basis.lease.id)：写入 \(answer.fieldsChanged) 个字段，决定 \(answer.conflictsDecided) 个冲突",
                 "merged \(basis.lease.id): \(answer.fieldsChanged) field(s) written, \(answer.conflictsDecided) conflict(s) decided") +
              (answer.batch.map { tr("（日志批次 #\($0)）", " (journal batch #\($0))") } ?? ""))
    }

    static func leases(client: ServerClient, release: String?, reason: String?) throws {
        if let release {
            let _: Done = try call(client, "POST", "/v1/leases/\(release)/release", body: ReleaseRequest(reason: reason ?? ""))
            print(tr("已放弃借出 \(release)", "released \(release)"))
            return
        }
        let all: [WireLease] = try call(client, "GET", "/v1/leases")
        if all.isEmpty { print("没有借出的副本"); return }
        for l in all {
            let status = l.status == "out" ? "借出中" : l.status == "merged" ? "已合并 \(l.mergedAt?.prefix(16) ?? "") \(l.mergedBy ?? "")" : "已放弃"
            print(visible("\(l.id)  \(l.holder)  \(l.since.prefix(10)) 起  \(status)  \(l.team)  \(l.outPath)  \(l.dossierIDs.joined(separator: "、"))"))
        }
    }
}
