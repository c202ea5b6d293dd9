#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TermCore

/// ncurses colour pairs, one per foreground/background combination actually used, allocated
/// on first use. With colours off every style gets pair 0 (the terminal's own colours).
@MainActor
struct ColorPairs {
    /// Whether colours are in use (the terminal has them and `NO_COLOR` is not set).
    let enabled: Bool
    /// Whether -1 (the terminal's default colour) is allowed in a pair.
    private let defaultColors: Bool
    private let limit: Int
    /// Pair number by `key(fg, bg)`; 0 = not allocated yet.
    private var pairs = [Int16](repeating: 0, count: 81)
    private var next: Int16 = 1

    /// Starts colours when wanted and possible. `wanted` nil = decide from `NO_COLOR`.
    init(wanted: Bool?) {
        let noColor = Self.noColorRequested()
        guard wanted ?? !noColor, has_colors(), start_color() == OK else {
            enabled = false
            defaultColors = false
            limit = 0
            return
        }
        enabled = true
        defaultColors = use_default_colors() == OK
        limit = min(Int(Int16.max), Int(fuhe_color_pairs()))
    }

    /// The `NO_COLOR` convention (no-color.org): set and not empty means no colours.
    nonisolated static func noColorRequested(_ environment: [String: String]? = nil) -> Bool {
        if let environment { return !(environment["NO_COLOR"] ?? "").isEmpty }
        guard let value = getenv("NO_COLOR") else { return false }
        return value.pointee != 0
    }

    /// The pair for a style's colours (0 when colours are off or pairs ran out).
    mutating func pair(for style: Style) -> Int16 {
        guard enabled, style.foreground != nil || style.background != nil else { return 0 }
        let key = ((style.foreground?.rawValue ?? -1) + 1) * 9 + (style.background?.rawValue ?? -1) + 1
        if pairs[key] != 0 { return pairs[key] }
        guard Int(next) < limit else { return 0 }
        let fg = Int16(style.foreground?.rawValue ?? (defaultColors ? -1 : TermColor.white.rawValue))
        let bg = Int16(style.background?.rawValue ?? (defaultColors ? -1 : TermColor.black.rawValue))
        guard init_pair(next, fg, bg) == OK else { return 0 }
        pairs[key] = next
        next += 1
        return pairs[key]
    }
}
