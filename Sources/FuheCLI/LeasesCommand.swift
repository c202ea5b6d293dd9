import ArgumentParser
import Foundation
import FuheCore
import FuheStore

/// `fuhe leases`: which units are out as offline copies; `--release` gives a lost copy up.
struct LeasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "leases", abstract: tr("列出借出的副本；--release 放弃一个收不回来的副本。", "List offline copies (leases); --release gives up one whose copy will not come back."))

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: ArgumentHelp(tr("放弃这次借出（它的副本从此不能再合并）。", "Release this lease (its copy can no longer be merged)."), valueName: "lease"))
    var release: String?

    @Option(name: .long, help: ArgumentHelp(tr("放弃的原因（记入日志）。", "Why the lease is released (journalled)."), valueName: "text"))
    var reason: String?

    @OptionGroup var remote: ServerOptions

    func run() throws {
        if remote.server != nil {
            if release != nil, reason?.isEmpty ?? true { throw ValidationError("--release needs --reason") }
            return try RemoteCopies.leases(client: try remote.client(), release: release, reason: reason)
        }
        let store = try options.open(createIfMissing: false)
        if let release {
            guard let reason, !reason.isEmpty else { throw ValidationError(tr("--release 需要 --reason", "--release needs --reason")) }
            try store.release(leaseID: release, actor: options.actorName, reason: reason)
            Console.line(tr("已放弃借出 \(release)", "released lease \(release)"))
            return
        }
        let leases = try store.leases()
        guard !leases.isEmpty else { Console.line(tr("没有借出：还没有单位被借出过", "no leases: no unit has been checked out")); return }
        let names = Dictionary(try store.dossierNames().map { ($0.dossierID, $0.unitName) }, uniquingKeysWith: { a, _ in a })
        for l in leases {
            var line = "\(l.id)  \(l.status.label)  \(l.holder)  \(l.sinceDay) 起  \(l.outPath)"
            if let at = l.mergedAt { line += "  合并于 \(BeijingTime.display(at)) 由 \(l.mergedBy ?? "?")" }
            Console.line(line)
            if l.status == .out, let why = l.unmergeable { Console.line("    不能合并：\(why)；放弃它：fuhe leases --release \(l.id) --reason …，再重新借出") }
            Console.line("    " + l.dossierIDs.map { names[$0] ?? $0 }.joined(separator: "、"))
        }
    }
}
