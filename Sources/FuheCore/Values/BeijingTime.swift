import Foundation

/// Every time a person reads — the journal, field history, leases, review dates, `fuhe show` —
/// is shown in Beijing time (UTC+8, no daylight saving) as "2026-11-23 10:30", whatever zone it
/// was stored in (the store writes UTC+8; JSON dates may be UTC; a copy keeps its site's text).
///
/// `BeijingTime.display("2019-11-28T01:30:00Z") // "2019-11-28 09:30"`
public enum BeijingTime {
    /// UTC+8.
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    /// "2026-11-23 10:30".
    public static func minutes(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// An ISO 8601 date-time (any offset, with or without fractional seconds), nil for other text.
    public static func parse(_ text: String) -> Date? {
        guard text.count >= 20, text.count <= 40, text.dropFirst(10).first == "T" else { return nil }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle())
    }

    /// An ISO 8601 time shown in Beijing time; other text is returned as it is.
    public static func display(_ text: String) -> String {
        parse(text).map(minutes) ?? text
    }
}
