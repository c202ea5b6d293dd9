import Foundation
import Testing
import FuheTestSupport

/// A wrong settings.conf is refused by the real `fuhe` before the terminal starts and before the
/// default store is created.
@Suite struct SettingsFileTests {
    @Test func aWrongSettingsFileIsRefusedBeforeAnythingIsWritten() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let config = r.home.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("fuhe"), withIntermediateDirectories: true)
        let file = config.appendingPathComponent("fuhe/settings.conf")
        try "# 复核文书\nreport-dir = ~/文档\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try r.run([], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path) 第 2 行：没有名为“report-dir”的设置"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: r.home.appendingPathComponent("data/fuhe/fuhe.sqlite").path), "no default store was created")
    }

    @Test func theWorkstationsHelpNamesTheReportsFolderOption() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let help = try r.run(["workstation", "--help"])
        #expect(help.stdout.contains("--reports-dir <dir>"))
        #expect(help.stdout.contains("settings.conf"))
    }
}
