import Foundation
import Testing
import FuheTestSupport

/// `fuhe keys` prints the key table as configured; a wrong key configuration stops the
/// workstation before it takes the terminal, naming the file and line.
@Suite struct KeysCommandTests {
    @Test func keysFollowTheConfigurationFile() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let config = r.home.appendingPathComponent("config/fuhe")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let env = ["XDG_CONFIG_HOME": r.home.appendingPathComponent("config").path]
        let defaults = try r.run(["keys"], environment: env)
        #expect(defaults.status == 0)
        #expect(defaults.stdout.contains("| `a` | `review.accept` |"))
        #expect(defaults.stdout.contains("| `:` | `palette.open` |"))
        try "review.accept = A\n".write(to: config.appendingPathComponent("keys.conf"), atomically: true, encoding: .utf8)
        let configured = try r.run(["keys"], environment: env)
        #expect(configured.stdout.contains("| `A` | `review.accept` |"))
        #expect(!configured.stdout.contains("| `a` | `review.accept` |"))
        let path = try r.run(["keys", "--path"], environment: env)
        #expect(path.stdout.hasPrefix(config.appendingPathComponent("keys.conf").path))
    }

    @Test func aWrongConfigurationIsRefusedWithItsLine() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let config = r.home.appendingPathComponent("config/fuhe")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let file = config.appendingPathComponent("keys.conf")
        try "# mine\nreview.acept = A\n".write(to: file, atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": r.home.appendingPathComponent("config").path]
        for args in [["keys"], ["--store", r.file("s.sqlite")]] {
            let result = try r.run(args, environment: env)
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(file.path) line 2: unknown command “review.acept”"), "\(result.stderr)")
        }
    }
}
