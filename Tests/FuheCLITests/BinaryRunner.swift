import Foundation
import FuheTestSupport

/// Runs the built `fuhe` executable in a private data folder and captures its output.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: home) }

    /// Path of a file inside the private folder.
    func file(_ name: String) -> String { home.appendingPathComponent(name).path }

    /// The built `fuhe`, or the one `FUHE_TEST_BINARY` names (to run a test against another
    /// build, e.g. to show that it fails on the code before a fix).
    static let executable: URL = {
        if let other = ProcessInfo.processInfo.environment["FUHE_TEST_BINARY"], !other.isEmpty { return URL(fileURLWithPath: other) }
        guard let url = BuiltProducts.executable("fuhe") else { fatalError("fuhe executable not found next to the test bundle") }
        return url
    }()

    @discardableResult
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["HOME"] = home.path
        env["FUHE_USER"] = "测试员"
        // Messages in the default language (Chinese) unless a test asks for another.
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: Array(outData))
    }
}
