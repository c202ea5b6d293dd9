import ArgumentParser
import Foundation
import FuheClient
import FuheCore

/// `--server URL` (or $FUHE_SERVER), with the token `fuhe login` stored for it.
struct ServerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(tr("Fuhe 服务器（如 https://fuhe.example.gov.cn）；默认 $FUHE_SERVER。", "The Fuhe server (e.g. https://fuhe.example.gov.cn); default $FUHE_SERVER."), valueName: "url"))
    var server: String?

    /// The server's URL.
    func url() throws -> URL {
        guard let text = server ?? ProcessInfo.processInfo.environment["FUHE_SERVER"], !text.isEmpty else {
            throw ValidationError(tr("请用 --server URL 指明服务器（或设置 FUHE_SERVER）", "say which server with --server URL (or set FUHE_SERVER)"))
        }
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--server \(text): use http://HOST:PORT or https://HOST")
        }
        return url
    }

    /// A client with the stored token; refuses when there is none (log in first).
    func client(tokens: TokenFile = TokenFile()) throws -> ServerClient {
        let url = try url()
        guard let entry = tokens.token(for: url) else {
            throw CLIFailure(tr("尚未登录 \(TokenFile.key(url))：请先运行 fuhe login --server \(TokenFile.key(url)) --user 账号",
                                 "not logged in to \(TokenFile.key(url)): run fuhe login --server \(TokenFile.key(url)) --user NAME"))
        }
        return ServerClient(base: url, token: entry.token)
    }
}
