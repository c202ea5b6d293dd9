import Foundation
import Testing
import FuheTestSupport
import GRDB

/// `fuhe intake` through the real binary: drafts written safely, the intake queue filled, and every
/// kind of bad input refused with one Chinese message naming the file, a non-zero exit and nothing
/// written.
@Suite struct IntakeCommandTests {
    static let reports = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuheIntakeTests/Fixtures/reports")
    static let files = ["001_83b6565323139711.txt", "002_1fd08a09e2cdf23f.txt", "004_f444a14e3d1f7ac3.txt"].map { reports.appendingPathComponent($0).path }

    @Test func draftsWrittenPrivatelyAndNeverOverwritten() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let out = r.file("drafts")
        let run = try r.run(["intake"] + Self.files + ["--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("单位：绥宁县黄土矿镇人民政府") && run.stdout.contains("[错误] 第91行"))
        #expect(run.stdout.contains("已写入 7 个草稿文件"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.count == 7 && names.allSatisfy { $0.hasSuffix(".draft.json") })
        for n in names {
            let attrs = try FileManager.default.attributesOfItem(atPath: out + "/" + n)
            #expect((attrs[.posixPermissions] as? Int) == 0o600)
        }
        let first = try String(contentsOfFile: out + "/" + names[0], encoding: .utf8)
        #expect(first.contains("\"format\" : \"fuhe.draft/1\""))
        let again = try r.run(["intake", Self.files[0], "--out", out])
        #expect(again.status != 0 && again.stderr.contains("已存在") && again.stderr.contains("--force"))
        #expect(try String(contentsOfFile: out + "/" + names[0], encoding: .utf8) == first)
        #expect(try r.run(["intake", Self.files[0], "--out", out, "--force"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 7, "no temporary file left behind")
    }

    @Test func importFillsTheIntakeQueue() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        let run = try r.run(["intake", "--store", store, "--import"] + Self.files)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("已放入待确认队列"))
        let db = try DatabaseQueue(path: store)
        let count = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM intake_draft WHERE status = 'open'") }
        let journal = try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM journal WHERE entity = 'intake'") }
        try db.close()
        #expect(count == 7 && journal == 7)
        let twice = try r.run(["intake", "--store", store, "--import", Self.files[0]])
        #expect(twice.status != 0 && twice.stderr.contains("已在待确认队列中"))
        #expect(try r.run(["verify", "--store", store]).status == 0)
    }

    /// Each bad input: one message naming the file (and line where there is one), non-zero exit,
    /// no draft folder and no store created.
    @Test(arguments: [
        ("empty.txt", "空"), ("binary.dat", "不是文本文件"), ("scan.pdf", "没有可读取的文字"), ("news.txt", "没有找到绩效评价报告"),
        ("latin1.txt", "无法识别文件编码"),
    ])
    func badInputIsRefusedAndNothingWritten(name: String, phrase: String) throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let path = r.file(name)
        switch name {
        case "empty.txt": try Data().write(to: URL(fileURLWithPath: path))
        case "binary.dat": try Data([0x13, 0x37, 0x42, 0x00, 1, 2, 3, 0xFF, 0xFE, 0, 0] + Array(repeating: 0x00, count: 64)).write(to: URL(fileURLWithPath: path))
        case "scan.pdf": try IntakeSamples.imageOnlyPDF().write(to: URL(fileURLWithPath: path))
        case "news.txt": try "今日天气晴，气温18度。\n市民在公园散步，孩子们放风筝。\n".write(toFile: path, atomically: true, encoding: .utf8)
        default:
            let latin1 = String(repeating: "Budget café, à payer. Réunion à l'hôtel de ville, coût élevé. \n", count: 20)
            try latin1.data(using: .isoLatin1)!.write(to: URL(fileURLWithPath: path))
        }
        let out = r.file("out")
        let store = r.file("s.sqlite")
        let run = try r.run(["intake", path, "--out", out, "--import", "--store", store])
        #expect(run.status != 0)
        #expect(run.stderr.contains(name) && run.stderr.contains(phrase), "\(run.stderr)")
        #expect(run.stderr.contains("未写入任何内容"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: store))
        if name == "latin1.txt" || name == "binary.dat" { #expect(run.stderr.contains("\(name):1:")) }
    }
}
