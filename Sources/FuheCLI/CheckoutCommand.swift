import ArgumentParser
import Foundation
import FuheCore
import FuheStore
import FuheWire

/// `fuhe checkout`: writes an offline copy of some units for a site inspection and records the lease.
struct CheckoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout", abstract: "Write an offline copy of some units (for a site without network); merge it back with `fuhe merge`.",
        discussion: "Units are chosen by --unit (dossier id, unit id, or name in Chinese or pinyin) and/or --filter (overdue, flagged, type=project|dept|special, status=draft|submitted|finalized). The copy opens with `fuhe --store FILE`.")

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp("A unit to take (id or name); repeatable.", valueName: "unit"))
    var unit: [String] = []

    @Option(name: .long, help: ArgumentHelp("Take every unit matching: overdue, flagged, type=…, status=…; repeatable (all must match).", valueName: "filter"))
    var filter: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The copy's file (must not exist).", valueName: "file"))
    var out: String

    @Option(name: .customLong("to"), help: ArgumentHelp("Who takes the copy (default: --as).", valueName: "name"))
    var holder: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        if remote.server != nil {
            let client = try remote.client()
            let ids = try RemoteCopies.resolve(unit, filter: filter.isEmpty ? nil : try Self.parse(filter), client: client)
            guard !ids.isEmpty else { throw ValidationError("choose units with --unit or --filter") }
            let me: AccountInfo = try RemoteCopies.call(client, "GET", "/v1/me")
            return try RemoteCopies.checkout(client: client, server: try remote.url(), ids: ids, out: out, holder: holder ?? me.displayName,
                                             actor: me.displayName)
        }
        let store = try options.open(createIfMissing: false)
        var ids = try unit.map { try UnitResolver.resolve($0, in: store) }
        if !filter.isEmpty {
            let matching = try store.unitList(today: store.today, filter: try Self.parse(filter)).map(\.dossierID)
            guard !matching.isEmpty else { throw CLIFailure("no unit matches --filter \(filter.joined(separator: " "))") }
            ids += matching
        }
        guard !ids.isEmpty else { throw ValidationError("choose units with --unit or --filter") }
        let names = Dictionary(try store.dossierNames().map { ($0.dossierID, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let leased = try store.leasedDossiers()
        for id in Set(ids).sorted() {
            for other in leased[id] ?? [] {
                FileHandle.standardError.write(Data("注意：\(names[id] ?? id) 已借出给 \(other.holder)（\(other.id)，\(other.sinceDay) 起，\(other.outPath)）；两份副本改了同一字段时，后合并的一份要逐个决定冲突\n".utf8))
            }
        }
        let lease: Lease
        do {
            lease = try store.checkout(dossierIDs: ids, to: out, holder: holder ?? options.actorName, actor: options.actorName)
        } catch let error as StoreError { throw CLIFailure(error.description) }
        let taken = lease.dossierIDs.map { names[$0] ?? $0 }
        print("checked out \(lease.dossierIDs.count) unit(s) to \(out) as lease \(lease.id) for \(lease.holder): \(taken.joined(separator: "、"))")
        print("open it with: fuhe --store \(out); bring it back with: fuhe merge \(out)")
    }

    static func parse(_ filters: [String]) throws -> UnitFilter {
        var f = UnitFilter()
        for text in filters {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count > 1 ? parts[1] : nil) {
            case ("overdue", nil): f.overdueOnly = true
            case ("flagged", nil): f.flaggedOnly = true
            case ("type", "project"?): f.evalType = .project
            case ("type", "dept"?): f.evalType = .deptOverall
            case ("type", "special"?): f.evalType = .specialFund
            case ("status", let s?) where ReviewStatus(rawValue: s.uppercased()) != nil: f.reviewStatus = ReviewStatus(rawValue: s.uppercased())
            default: throw ValidationError("--filter \(text): use overdue, flagged, type=project|dept|special or status=draft|submitted|finalized")
            }
        }
        return f
    }
}
