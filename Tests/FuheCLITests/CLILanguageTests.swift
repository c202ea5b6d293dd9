import Foundation
import Testing
import FuheTestSupport

/// Issue 9 §8 through the real binary: the command line speaks Chinese (English when the locale
/// asks), takes option values in both, finds units as the workstation's search does, documents
/// its common options, completes values and unit names, and explains SQLite failures.
@Suite struct CLILanguageTests {
    func sampleStore(_ r: BinaryRunner) throws -> String {
        let store = r.file("s.sqlite")
        #expect(try r.run(["import", "--samples", "--store", store]).status == 0)
        return store
    }

    @Test func messagesAreChineseUnlessTheLocaleAsksForEnglish() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let missing = r.file("none.sqlite")
        for (env, expected) in [([String: String](), "错误：\(missing)：没有这个库"), (["LANG": "C"], "没有这个库"),
                                (["LANG": "zh_CN.UTF-8"], "没有这个库"), (["LANG": "en_US.UTF-8"], "Error: \(missing): no such store"),
                                (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], "no such store"),
                                (["LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"], "没有这个库")] {
            let result = try r.run(["verify", "--store", missing], environment: env)
            #expect(result.status == 1)
            #expect(result.stderr.contains(expected), "\(env): \(result.stderr)")
        }
        let help = try r.run(["list", "--help"], environment: ["LANG": "en_US.UTF-8"])
        #expect(help.stdout.contains("Only this evaluation type"))
        #expect(try r.run(["list", "--help"]).stdout.contains("只列这种评价类型"))
    }

    @Test func optionValuesAreAcceptedInChineseAndEnglish() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let english = try r.run(["list", "--store", store, "--type", "project"])
        #expect(english.status == 0 && english.stdout.contains("项目支出"))
        for value in ["项目支出", "项目", "PROJECT", "項目支出"] {
            let result = try r.run(["list", "--store", store, "--type", value])
            #expect(result.status == 0 && result.stdout == english.stdout, "--type \(value): \(result.stderr)")
        }
        let finalized = try r.run(["list", "--store", store, "--status", "已定稿"])
        let finalizedEnglish = try r.run(["list", "--store", store, "--status", "finalized"])
        #expect(finalized.status == 0 && finalized.stdout == finalizedEnglish.stdout)
        // 未开始 as the workstation's status filter has it (`ReviewStage`, one set for both).
        let notStarted = try r.run(["list", "--store", store, "--status", "未开始"])
        #expect(notStarted.status == 0, "\(notStarted.stderr)")
        let rows = notStarted.stdout.split(separator: "\n").filter { $0.contains("部门整体支出") || $0.contains("项目支出") || $0.contains("专项资金") }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("未开始") }, "\(notStarted.stdout)")
        #expect(!notStarted.stdout.contains("复核中") && !notStarted.stdout.contains("已定稿"), "\(notStarted.stdout)")
        for value in ["not-started", "未開始"] {
            #expect(try r.run(["list", "--store", store, "--status", value]).stdout == notStarted.stdout, "--status \(value)")
        }
        let badStatus = try r.run(["list", "--store", store, "--status", "进行中"])
        #expect(badStatus.status != 0 && badStatus.stderr.contains("未开始 (not-started)"), "\(badStatus.stderr)")
        let bad = try r.run(["list", "--store", store, "--type", "工程"])
        #expect(bad.status != 0 && bad.stderr.contains("项目支出 (project)") && bad.stderr.contains("专项资金 (special)"), "\(bad.stderr)")
        let role = try r.run(["checkout", "--store", store, "--filter", "type=部门整体支出", "--filter", "status=复核中", "--out", r.file("c.sqlite")])
        #expect(role.status == 0 || role.stderr.contains("没有单位符合"), "\(role.stderr)")
        let prefer = try r.run(["merge", "--store", store, r.file("none.sqlite"), "--prefer", "副本"])
        #expect(!prefer.stderr.contains("--prefer"), "\(prefer.stderr)")
    }

    @Test func unitsAreFoundAsTheWorkstationFindsThem() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let byName = try r.run(["show", "--store", store, "赫山"]).stdout
        #expect(byName.contains("益阳市赫山区政务服务中心"))
        for query in ["hs", "heshan", "HeShan", "赫山", "赫山區", "hesh"] {
            let result = try r.run(["show", "--store", store, query])
            #expect(result.status == 0 && result.stdout == byName, "\(query): \(result.stderr)")
        }
        let ambiguous = try r.run(["show", "--store", store, "z"])
        #expect(ambiguous.status != 0 && ambiguous.stderr.contains("个单位相符"), "\(ambiguous.stderr)")
    }

    @Test func helpShowsTheCommonOptions() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let help = try r.run(["--help"])
        #expect(help.status == 0)
        for option in ["--as", "--role", "--store"] { #expect(help.stdout.contains(option), "\(option)") }
    }

    @Test func completionsOfferValuesAndUnitNames() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        for shell in ["bash", "zsh", "fish"] {
            let script = try r.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("项目支出") && script.stdout.contains("已定稿") && script.stdout.contains("组长"), "\(shell)")
            #expect(script.stdout.contains("---completion show -- positional@0"), "\(shell)")
        }
        let units = try r.run(["---completion", "show", "--", "positional@0", "2", "2", "fuhe", "show", "hs", "--store", store])
        #expect(units.status == 0)
        #expect(units.stdout.split(separator: "\n").contains("赫山区政务服务中心"), "\(units.stdout)")
        let all = try r.run(["---completion", "export", "--", "--unit", "3", "0", "fuhe", "export", "--unit", "", "--store", store])
        #expect(all.stdout.split(separator: "\n").count >= 22, "\(all.stdout)")
        // Completing never creates a store.
        let none = try r.run(["---completion", "show", "--", "positional@0", "2", "0", "fuhe", "show", "", "--store", r.file("none.sqlite")])
        #expect(none.status == 0 && none.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: r.file("none.sqlite")))
    }

    @Test func aLockedStoreIsExplainedInWordsTheUserCanActOn() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = try sampleStore(r)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN EXCLUSIVE')
            print('locked', flush=True)
            time.sleep(600)  # killed by the test; long enough for a slow machine
            """, store]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }
        #expect(String(decoding: out.fileHandleForReading.availableData, as: UTF8.self).contains("locked"))
        let result = try r.run(["import", "--store", store, "--samples", "--replace"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("锁定") && result.stderr.contains("稍后再试"), "\(result.stderr)")
        #expect(!result.stderr.contains("database is locked"))
    }
}
