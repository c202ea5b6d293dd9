import ArgumentParser
import Foundation
import FuheCore
import FuheStore

/// `fuhe leases`: which units are out as offline copies; `--release` gives a lost copy up.
struct LeasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leases", abstract: "List offline copies (leases); --release gives up one whose copy will not come back.")

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Release this lease (its copy can no longer be merged).", valueName: "lease"))
    var release: String?

    @Option(name: .long, help: ArgumentHelp("Why the lease is released (journalled).", valueName: "text"))
    var reason: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        if remote.server != nil {
            if release != nil, reason?.isEmpty ?? true { throw ValidationError("--release needs --reason") }
            return try RemoteCopies.leases(client: try remote.client(), release: release, reason: reason)
        }
        let store = try options.open(createIfMissing: false)
        if let release {
            guard let reason, !reason.isEmpty else { throw ValidationError("--release needs --reason") }
            do { try store.release(leaseID: release, actor: options.actorName, reason: reason) } catch let error as StoreError {
                throw CLIFailure(error.description)
            }
            print("released lease \(release)")
            return
        }
        let leases = try store.leases()
        guard !leases.isEmpty else { print("no leases: no unit has been checked out"); return }
        let names = Dictionary(try store.dossierNames().map { ($0.dossierID, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        let status: [Lease.Status: String] = [.out: "借出中", .merged: "已合并", .released: "已放弃"]
        for l in leases {
            var line = "\(l.id)  \(status[l.status] ?? "")  \(l.holder)  \(l.sinceDay) 起  \(l.outPath)"
            if let at = l.mergedAt { line += "  合并于 \(BeijingTime.display(at)) 由 \(l.mergedBy ?? "?")" }
            print(line)
            if l.status == .out, let why = l.unmergeable { print("    不能合并：\(why)；放弃它：fuhe leases --release \(l.id) --reason …，再重新借出") }
            print("    " + l.dossierIDs.map { names[$0] ?? $0 }.joined(separator: "、"))
        }
    }
}
