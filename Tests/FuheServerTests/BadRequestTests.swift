import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import FuheClient
import FuheCore
import FuheWire
import Testing

/// Bad requests are refused with a clear status and sentence, and nothing is written.
@Suite(.serialized) struct BadRequestTests {
    /// A raw request (curl-like), so that malformed bodies reach the server as they are.
    func raw(_ h: ServerHarness, _ method: String, _ path: String, token: String?, body: Data?) throws -> (Int, WireError?) {
        var request = URLRequest(url: URL(string: h.url + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let done = DispatchSemaphore(value: 0)
        let box = Box()
        URLSession.shared.dataTask(with: request) { data, response, _ in
            box.set((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        let (status, data) = box.get()
        return (status, try? JSONDecoder().decode(WireError.self, from: data))
    }

    final class Box: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Int, Data) = (0, Data())
        func set(_ s: Int, _ d: Data) { lock.lock(); value = (s, d); lock.unlock() }
        func get() -> (Int, Data) { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func malformedOversizedUnauthenticatedAndForeignRequestsChangeNothing() throws {
        let h = try ServerHarness()
        defer { h.close() }
        let token = try #require(try h.client("member").token)
        let unit = "SE-HS-ZWZX-2021"
        let before = try h.fingerprint()
        // Unauthenticated, and a forged token.
        var (status, error) = try raw(h, "GET", "/v1/units", token: nil, body: nil)
        #expect(status == 401 && error?.message.contains("fuhe login") == true)
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: "fuhe_forged", body: Data("{}".utf8))
        #expect(status == 401)
        // Malformed JSON, a missing field, a value of the wrong type, an unknown entity.
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data("{\"changes\": [".utf8))
        #expect(status == 400 && error?.message.contains("JSON") == true)
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data(#"{"changes": [], "origin": "local"}"#.utf8))
        #expect(status == 400 && error?.message.contains("session") == true)
        let badRow = #"{"changes":[{"entity":"result","id":"1","json":"{\"nodeID\": 5}"}],"seen":{"wholeDossier":false,"entities":[]},"origin":"local","session":"s"}"#
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data(badRow.utf8))
        #expect(status == 400 && error?.message.contains("无法解析") == true)
        let unknown = #"{"changes":[{"entity":"salary","id":"1","json":"{}"}],"seen":{"wholeDossier":false,"entities":[]},"origin":"local","session":"s"}"#
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data(unknown.utf8))
        #expect(status == 400)
        // No `seen`: an unconditional write is refused.
        let unseen = #"{"changes":[{"entity":"result","id":"x","json":null}],"origin":"local","session":"s"}"#
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data(unseen.utf8))
        #expect(status == 400 && error?.message.contains("seen") == true)
        // Oversized.
        (status, error) = try raw(h, "POST", "/v1/dossiers/\(unit)/apply", token: token, body: Data(repeating: 0x20, count: 2 << 20))
        #expect(status == 413 && error?.code == "too-large")
        // Another team's unit.
        (status, error) = try raw(h, "GET", "/v1/dossiers/\(ServerHarness.otherTeamUnit)", token: token, body: nil)
        #expect(status == 404)
        // A bad query parameter.
        (status, error) = try raw(h, "GET", "/v1/changes?since=abc", token: token, body: nil)
        #expect(status == 400 && error?.message.contains("since") == true)
        #expect(try h.fingerprint() == before)
        // The server is still serving.
        #expect(try h.repository("member").unitList(today: nil, filter: .all).count == 10)
    }
}
