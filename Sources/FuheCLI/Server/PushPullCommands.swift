import ArgumentParser
import Foundation
import FuheApp
import FuheClient
import FuheCore
import FuheStore
import FuheWire

/// `fuhe push`: moves a local store's dossiers, with their journal history, to a server team.
struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push", abstract: tr("把本地库（档案及其日志历史）上传给服务器上的一个组。", "Upload a local store (its dossiers and their journal history) to a server team."),
        discussion: tr("分块发送，每块在服务器上是一个事务。服务器上已有且内容相同的档案会跳过，所以中断的上传可以重新运行；内容不同的会被拒绝。", "Sent in chunks, each one transaction on the server. A dossier already there with the same content is skipped, so a push that was interrupted can be run again; one that differs is refused."))

    @OptionGroup var server: ServerOptions

    @Option(name: .long, help: ArgumentHelp(tr("要上传的本地库。", "The local store to upload."), valueName: "path"))
    var store: String

    @Option(name: .long, help: ArgumentHelp(tr("拥有这些单位的组。", "The team that will own the units."), valueName: "team"))
    var team: String

    @Option(name: .long, help: ArgumentHelp(tr("每个请求的档案数。", "Dossiers per request."), valueName: "n"))
    var chunk = 100

    func run() throws {
        let local: FuheStore
        do { local = try FuheStore.open(path: store, createIfMissing: false) } catch { throw CLIFailure("\(error)") }
        guard try local.kind() == .main else { throw CLIFailure(tr("\(store) 是离线副本或培训沙盒；副本请用 fuhe merge --server 合并", "\(store) is an offline copy or a training sandbox; merge a copy with fuhe merge --server instead")) }
        let client = try server.client()
        let ids = try local.dossierIDs()
        guard !ids.isEmpty else { throw CLIFailure(tr("\(store) 中没有档案", "\(store) holds no dossier")) }
        let schemes = Array(try local.gradeSchemes().values)
        var imported = 0, unchanged = 0
        for start in stride(from: 0, to: ids.count, by: max(1, chunk)) {
            let part = Array(ids[start..<min(ids.count, start + max(1, chunk))])
            let dossiers = try part.map { try local.dossier(id: $0) }
            var templates: [String: IndicatorTemplate] = [:]
            for d in dossiers { templates[d.template.id] = d.template }
            let history = try part.flatMap { try local.journal(dossierID: $0, limit: Int.max) }.sorted { $0.seq < $1.seq }
            let request = PushRequest(team: team, bundle: DossierBundle(dossiers: dossiers.map { WireDossier($0, team: team) },
                                                                        templates: templates.values.sorted { $0.id < $1.id }, schemes: schemes),
                                      history: history.map(WireEntry.init), source: (store as NSString).lastPathComponent)
            let answer: PushAnswer
            do { answer = try client.call("POST", "/v1/push", body: request, timeout: 300) } catch {
                throw CLIFailure("\(error)\(imported > 0 ? "（此前已上传 \(imported) 个单位；再运行一次会跳过它们）" : "")")
            }
            imported += answer.imported.count
            unchanged += answer.unchanged.count
        }
        print("已上传 \(imported) 个单位到小组 \(team)\(unchanged > 0 ? "；\(unchanged) 个已在服务器上，未改动" : "")")
    }
}

/// `fuhe pull`: a local store made from a server's units (a team's, or all the account sees).
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull", abstract: tr("用服务器上的单位建立本地库（一个组的，或你能看到的全部单位）。", "Make a local store from a server's units (one team's, or every unit you may see)."))

    @OptionGroup var server: ServerOptions

    @Option(name: .long, help: ArgumentHelp(tr("只取这个组的单位。", "Only this team's units."), valueName: "team"))
    var team: String?

    @Option(name: .shortAndLong, help: ArgumentHelp(tr("新库文件（不得已存在）。", "The new store (must not exist)."), valueName: "file"))
    var out: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw CLIFailure(tr("\(out)：已存在；请选一个新文件", "\(out): already exists; choose a new file")) }
        let client = try server.client()
        let me: AccountInfo = try call(client, "GET", "/v1/me")
        var dossiers: [Dossier] = []
        var templates: [String: IndicatorTemplate] = [:]
        var schemes: [GradeScheme] = []
        var offset = 0
        while true {
            var query = ["offset": "\(offset)", "limit": "200"]
            if let team { query["team"] = team }
            let page: ExportPage = try call(client, "GET", "/v1/export", query: query)
            guard let model = page.bundle.model() else { throw CLIFailure(tr("服务器的回答引用了它没有发来的模板", "the server's answer names a template it did not send")) }
            dossiers += model
            for t in page.bundle.templates { templates[t.id] = t }
            schemes = page.bundle.schemes
            offset += page.bundle.dossiers.count
            if page.bundle.dossiers.isEmpty || offset >= page.total { break }
        }
        guard !dossiers.isEmpty else { throw CLIFailure(tr("没有可下载的单位\(team.map { "（小组 \($0)）" } ?? "")", "no units to pull\(team.map { " for team \($0)" } ?? "")")) }
        let directory = (out as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((out as NSString).lastPathComponent).\(UUID().uuidString).partial"
        defer { for s in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + s) } }
        do {
            let local = try FuheStore.open(path: temporary, createIfMissing: true)
            try local.saveGradeSchemes(schemes)
            let bundled = Set(try BundledData.templates().map(\.id))
            try local.saveTemplates(templates.values.filter { bundled.contains($0.id) }, bundled: true)
            try local.importDossiers(dossiers, templates: templates.values.filter { !bundled.contains($0.id) }, actor: me.displayName,
                                     origin: "import", reason: "从服务器 \(TokenFile.key(try server.url())) 下载\(team.map { "（小组 \($0)）" } ?? "")")
            try local.closeForTransfer()
        } catch let error as StoreError { throw CLIFailure(error.description) }
        guard rename(temporary, out) == 0 else { throw CLIFailure(tr("\(out)：无法写入库（errno \(errno)）", "\(out): cannot write the store (errno \(errno))")) }
        print("已下载 \(dossiers.count) 个单位到 \(out)\(team.map { "（小组 \($0)）" } ?? "")")
    }

    private func call<T: Decodable>(_ client: ServerClient, _ method: String, _ path: String, query: [String: String] = [:]) throws -> T {
        do { return try client.call(method, path, query: query) } catch { throw CLIFailure("\(error)") }
    }
}
