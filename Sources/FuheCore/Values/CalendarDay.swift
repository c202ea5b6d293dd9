import Foundation

/// A calendar date without time or zone ("2022-06-30"), used for deadlines, report dates and
/// progress entries. Day arithmetic is exact and independent of the machine's time zone.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public var dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// Parses ISO "YYYY-MM-DD"; rejects impossible dates such as 2021-02-30.
    public init?(_ text: String) {
        guard let day = CalendarDay.parseDigits(text.utf8) else { return nil }
        self = day
    }

    /// "YYYY-MM-DD" read from its UTF-8 bytes (ASCII digits only), without allocating: the
    /// cross-unit views parse several dates for each of 20,000 items.
    /// (Not generic across modules: an unspecialised generic parse cost the items page a third
    /// of its time in Swift's metadata lookups.)
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDay? { parseDigits(bytes) }

    static func parseDigits<Bytes: Collection>(_ bytes: Bytes) -> CalendarDay? where Bytes.Element == UInt8 {
        guard bytes.count == 10 else { return nil }
        var y = 0, m = 0, d = 0
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            let digit = Int(b - UInt8(ascii: "0"))
            if i < 4 { y = y * 10 + digit } else if i < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
        }
        guard (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(month: m, year: y) else { return nil }
        return CalendarDay(dayNumber: CalendarDay.daysFromCivil(y, m, d))
    }

    public init(year: Int, month: Int, day: Int) {
        self.dayNumber = CalendarDay.daysFromCivil(year, month, day)
    }

    /// The UTC calendar day of an instant.
    public init(_ date: Date) {
        self.dayNumber = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    public var components: (year: Int, month: Int, day: Int) { CalendarDay.civil(fromDays: dayNumber) }

    public var description: String {
        let c = components
        let pad: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(c.year)-\(pad(c.month))-\(pad(c.day))"
    }

    public func adding(days: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + days) }

    /// Calendar days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a date YYYY-MM-DD: \(text)")
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-from-days algorithms.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// The source of "now" for everything date-dependent (overdue, due-soon, timestamps), injected so
/// that tests and the benchmark control it.
public protocol Clock: Sendable {
    func now() -> Date
}

extension Clock {
    /// Today's calendar day (UTC+8, the time zone of the reviewed units).
    public func today() -> CalendarDay {
        CalendarDay(now().addingTimeInterval(8 * 3600))
    }
}

/// The real clock.
public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock fixed at one instant (tests, demos).
public struct FixedClock: Clock {
    public var instant: Date
    public init(_ instant: Date) { self.instant = instant }
    /// Noon (UTC+8) of the given day.
    public init(day: CalendarDay) {
        self.instant = Date(timeIntervalSince1970: TimeInterval(day.dayNumber) * 86_400 + 4 * 3600)
    }
    public func now() -> Date { instant }
}
