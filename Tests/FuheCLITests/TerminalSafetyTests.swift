import Foundation
import Testing
import FuheTestSupport

/// Issue 9 §6 through the real binary: nothing a dossier holds reaches the terminal as a control
/// sequence (repro 05), and no ledger cell reaches a spreadsheet as a formula (repro 06).
@Suite struct TerminalSafetyTests {
    static let repro = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Bytes a terminal could act on: C0 controls but LF, DEL, C1 (UTF-8 C2 80–9F), bidi
    /// overrides and isolates (E2 80 8E/8F/AA–AE, E2 81 A6–A9), U+061C, U+2028/2029.
    static func actionable(_ bytes: [UInt8]) -> [String] {
        var found: [String] = []
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x0A) || b == 0x7F { found.append(String(format: "0x%02X at %d", b, i)) }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { found.append("C1 at \(i)") }
            if b == 0xD8, i + 1 < bytes.count, bytes[i + 1] == 0x9C { found.append("U+061C at \(i)") }
            if b == 0xE2, i + 2 < bytes.count {
                let (c, d) = (bytes[i + 1], bytes[i + 2])
                if c == 0x80 && ([0x8E, 0x8F, 0xA8, 0xA9].contains(d) || (0xAA...0xAE).contains(d)) { found.append("bidi at \(i)") }
                if c == 0x81 && (0xA6...0xA9).contains(d) { found.append("isolate at \(i)") }
            }
        }
        return found
    }

    @Test func everyCommandEscapesWhatADossierHolds() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        let fixture = Self.repro.appendingPathComponent("terminal-injection.json").path
        let imported = try r.run(["import", "--store", store, fixture])
        #expect(imported.status == 0, "\(imported.stderr)")
        let evilHolder = "张三\u{1B}]52;c;ZWNobyBQV05FRA==\u{07}\u{202E}"
        let checkout = try r.run(["checkout", "--store", store, "--unit", "SE-EVIL", "--out", r.file("c.sqlite"), "--to", evilHolder])
        #expect(checkout.status == 0, "\(checkout.stderr)")
        var outputs: [(String, BinaryRunner.Result)] = [
            ("list", try r.run(["list", "--store", store])),
            ("show", try r.run(["show", "--store", store, "SE-EVIL"])),
            ("check", try r.run(["check", "--store", store])),
            ("leases", try r.run(["leases", "--store", store])),
            ("verify", try r.run(["verify", "--store", store])),
            ("checkout", checkout),
            ("no match", try r.run(["show", "--store", store, "没有\u{1B}[2J\u{9B}2J这个"])),
            ("bad option", try r.run(["list", "--store", store, "--type", "\u{1B}]0;标题\u{07}"])),
            ("bad file", try r.run(["import", "--store", store, r.file("不存在\u{1B}[31m.json")])),
        ]
        // A merge plan names the rows and values of the copy.
        outputs.append(("merge", try r.run(["merge", "--store", store, r.file("c.sqlite"), "--dry-run"])))
        for (name, result) in outputs {
            #expect(Self.actionable(result.stdoutBytes).isEmpty, "\(name) stdout: \(Self.actionable(result.stdoutBytes))")
            #expect(Self.actionable(Array(result.stderr.utf8)).isEmpty, "\(name) stderr: \(result.stderr)")
        }
        // The hostile text is still there, visibly escaped.
        let show = outputs[1].1.stdout
        #expect(show.contains("\\x1B]0;PWNED-TITLE\\x07") && show.contains("\\u{202E}txt.exe") && show.contains("\\x9B2J"), "\(show)")
        #expect(outputs[3].1.stdout.contains("张三\\x1B]52;c;"))
    }

    @Test func noLedgerCellReachesASpreadsheetAsAFormula() throws {
        let r = try BinaryRunner()
        defer { r.remove() }
        let store = r.file("s.sqlite")
        let fixture = Self.repro.appendingPathComponent("csv-injection.json").path
        #expect(try r.run(["import", "--store", store, fixture]).status == 0)
        let ledger = try r.run(["ledger", "--store", store])
        let cells = CSV.cells(String(decoding: ledger.stdoutBytes.dropFirst(3), as: UTF8.self))
        #expect(cells.count > 19 * 3)
        for cell in cells {
            guard let first = cell.unicodeScalars.first else { continue }
            #expect(!"=+-@\t\r\n".unicodeScalars.contains(first) || CSV.isPlainNumber(cell), "cell \(cell.debugDescription)")
        }
        #expect(cells.contains("'=\u{301}cmd|' /C calc'!A0"))
        #expect(cells.contains("'\t=1+1") && cells.contains("'\r=1+1"))
    }
}

/// A small CSV reader for the tests (quoted fields, doubled quotes, CRLF).
enum CSV {
    static func cells(_ text: String) -> [String] {
        var cells: [String] = [], field = "", quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" { if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append(c) } else { quoted = false } } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { cells.append(field); field = ""
            } else if c == "\r" && scalars.first == "\n" { scalars.removeFirst(); cells.append(field); field = ""
            } else { field.unicodeScalars.append(c) }
        }
        return cells
    }

    static func isPlainNumber(_ s: String) -> Bool { s.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil }
}
