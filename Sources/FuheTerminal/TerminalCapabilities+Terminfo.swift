#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TermCore

extension TerminalCapabilities {
    /// Reads the running screen's terminfo entry once. Colours: `wanted` nil = when the
    /// terminal has them and `NO_COLOR` is not set, false = never, true = when the terminal has
    /// them; ncurses' colour support is started as before (`start_color`,
    /// `use_default_colors`), so ending the screen resets colours as it did. Returns nil when
    /// the terminal cannot address the cursor (`cup`).
    @MainActor
    static func fromTerminfo(colors wanted: Bool?) -> TerminalCapabilities? {
        let string: (String) -> [UInt8] = { withoutPadding(terminfoString($0)) }
        let parameterized: ([UInt8], Int, Int) -> [UInt8] = { withoutPadding(parameterizedString($0, $1, $2)) }
        let cup = string("cup")
        guard !cup.isEmpty else { return nil }
        // The ANSI form, if `cup` gives it everywhere tried: then no tparm is needed at all.
        let samples = [(0, 0), (0, 9), (4, 11), (23, 79), (39, 119), (99, 299), (1, 1000)]
        let isANSI = samples.allSatisfy { row, column in
            parameterized(cup, row, column) == Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
        }
        let addressing: CursorAddressing = isANSI ? .ansi : .terminfo { row, column in
            // Only from the main actor (the writer runs there): tparm has a static buffer.
            MainActor.assumeIsolated { withoutPadding(parameterizedString(cup, row, column)) }
        }
        var foreground: [[UInt8]] = [], background: [[UInt8]] = [], original: [UInt8] = []
        var defaultColors = false
        if wanted ?? !noColorRequested(), has_colors(), start_color() == OK {
            defaultColors = use_default_colors() == OK
            let count = Int(fuhe_colors())
            let setaf = string("setaf"), setab = string("setab")
            // setf/setb number red and blue the other way round.
            let (setf, setb) = (string("setf"), string("setb"))
            let swapped = [0, 4, 2, 6, 1, 5, 3, 7]
            for color in 0..<8 {
                let present = color < count
                foreground.append(!present ? [] : !setaf.isEmpty ? parameterized(setaf, color, 0) : parameterized(setf, swapped[color], 0))
                background.append(!present ? [] : !setab.isEmpty ? parameterized(setab, color, 0) : parameterized(setb, swapped[color], 0))
            }
            original = string("op")
            if foreground.allSatisfy(\.isEmpty) { foreground = []; background = []; original = [] }
        }
        // ncv's bits: A_UNDERLINE 2, A_REVERSE 4, A_DIM 16, A_BOLD 32 (terminfo's order).
        let ncv = max(0, Int(fuhe_tigetnum("ncv")))
        var noColorVideo: UInt8 = 0
        if ncv & 2 != 0 { noColorVideo |= Attributes.underline }
        if ncv & 4 != 0 { noColorVideo |= Attributes.reverse }
        if ncv & 16 != 0 { noColorVideo |= Attributes.dim }
        if ncv & 32 != 0 { noColorVideo |= Attributes.bold }
        let sgr0 = string("sgr0")
        // Without sgr0 an attribute could never be turned off: none is used.
        func attribute(_ name: String) -> [UInt8] { sgr0.isEmpty ? [] : string(name) }
        var clear = string("clear")
        if clear.isEmpty, case let ed = string("ed"), !ed.isEmpty {
            clear = (string("home").isEmpty ? parameterized(cup, 0, 0) : string("home")) + ed
        }
        return TerminalCapabilities(
            cursorAddress: addressing, clearScreen: clear, clearToEndOfLine: string("el"), exitAttributes: sgr0,
            bold: attribute("bold"), reverse: attribute("rev"), underline: attribute("smul"), dim: attribute("dim"),
            foreground: foreground, background: background, originalColors: original, defaultColors: defaultColors,
            noColorVideo: noColorVideo, hideCursor: string("civis"), showCursor: string("cnorm"),
            scrollsAtBottomRight: fuhe_tigetflag("am") == 1 && fuhe_tigetflag("xenl") == 0)
    }

    /// A string capability's bytes (empty when the terminal lacks it).
    private static func terminfoString(_ name: String) -> [UInt8] {
        guard let value = fuhe_tigetstr(name) else { return [] }
        return Array(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value)))
    }

    /// `bytes` without terminfo's padding delays (`$<5>`, `$<2*/>`): `tputs` turns them into
    /// waits or pad characters, which no terminal of today needs; sent as they are they would show.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<") {
                var end = index + 2
                while end < bytes.count, bytes[end] >= UInt8(ascii: "0") && bytes[end] <= UInt8(ascii: "9")
                        || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "*") || bytes[end] == UInt8(ascii: "/") {
                    end += 1
                }
                if end < bytes.count, end > index + 2, bytes[end] == UInt8(ascii: ">") {
                    index = end + 1
                    continue
                }
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    /// `tparm(capability, a, b)`'s bytes (empty when it fails).
    private static func parameterizedString(_ capability: [UInt8], _ a: Int, _ b: Int = 0) -> [UInt8] {
        guard !capability.isEmpty else { return [] }
        return (capability + [0]).withUnsafeBufferPointer { pointer in
            pointer.withMemoryRebound(to: CChar.self) { chars in
                guard let value = fuhe_tparm(chars.baseAddress, Int32(a), Int32(b)) else { return [] }
                return Array(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value)))
            }
        }
    }

    /// The `NO_COLOR` convention (no-color.org): set and not empty means no colours.
    nonisolated static func noColorRequested(_ environment: [String: String]? = nil) -> Bool {
        if let environment { return !(environment["NO_COLOR"] ?? "").isEmpty }
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }
}
