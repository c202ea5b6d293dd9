import Foundation
import Testing

/// Every command's help speaks Chinese unless the locale asks for English: its overview, and each
/// subcommand, option and argument it lists (walked through the whole command tree of the real
/// binary). ArgumentParser's own `--help` and `--version` lines are its words, not ours.
@Suite struct CLIHelpLanguageTests {
    /// One listed entry of a help section: its first line and the lines that continue it.
    struct Entry {
        var section: String
        var text: String
        /// The subcommand's name, for entries of SUBCOMMANDS ("workstation, ui (default)" → "workstation").
        var commandName: String {
            String(text.split(whereSeparator: { $0 == " " || $0 == "," }).first ?? "")
        }
    }

    /// The overview and the entries of SUBCOMMANDS, OPTIONS and ARGUMENTS in a help text.
    static func parse(_ help: String) -> (overview: String, entries: [Entry]) {
        var overview = ""
        var entries: [Entry] = []
        var section = ""
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("OVERVIEW:") { section = "OVERVIEW"; overview = line; continue }
            if let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), line[..<colon].allSatisfy({ $0.isUppercase || $0 == " " }) {
                section = String(line[..<colon])
                continue
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("  See '") { continue }
            switch section {
            case "OVERVIEW": overview += line
            case "SUBCOMMANDS", "OPTIONS", "ARGUMENTS":
                if line.hasPrefix("  "), !line.hasPrefix("   "), let _ = line.first(where: { $0 != " " }) {
                    entries.append(Entry(section: section, text: line.trimmingCharacters(in: .whitespaces)))
                } else if !entries.isEmpty {
                    entries[entries.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces)
                }
            default: continue
            }
        }
        return (overview, entries)
    }

    static func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= 0x3400 && $0.properties.isIdeographic }
    }

    /// ArgumentParser's own lines, which it writes in English whatever the locale.
    static func isArgumentParsers(_ entry: Entry) -> Bool {
        entry.text.hasPrefix("-h, --help") || entry.text.hasPrefix("--version") || entry.text.hasPrefix("help ")
    }

    @Test func everyCommandsHelpIsInChinese() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        var pending: [[String]] = [[]]
        var seen = 0
        while let path = pending.popLast() {
            let result = try r.run(path + ["--help"])
            #expect(result.status == 0, "\(path): \(result.stderr)")
            let (overview, entries) = Self.parse(result.stdout)
            seen += 1
            #expect(Self.hasHan(overview), "fuhe \(path.joined(separator: " ")): \(overview)")
            for entry in entries where !Self.isArgumentParsers(entry) {
                #expect(Self.hasHan(entry.text), "fuhe \(path.joined(separator: " ")) \(entry.section): \(entry.text)")
                if entry.section == "SUBCOMMANDS" { pending.append(path + [entry.commandName]) }
            }
        }
        // fuhe, its subcommands, and report/admin/… subcommands below them.
        #expect(seen > 25, "walked \(seen) commands")
    }

    @Test func helpIsInEnglishWhenTheLocaleAsks() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let english = try r.run(["intake", "--help"], environment: ["LANG": "en_US.UTF-8"]).stdout
        #expect(english.contains("Read published reports") && english.contains("Report files."), "\(english)")
        let chinese = try r.run(["intake", "--help"]).stdout
        #expect(chinese.contains("读入公开发布的报告") && chinese.contains("报告文件。"), "\(chinese)")
    }
}
