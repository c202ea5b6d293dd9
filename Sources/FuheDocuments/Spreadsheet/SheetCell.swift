import Foundation
import FuheCore

/// A spreadsheet cell: text (always stored as a shared string, so it is never read as a formula),
/// a whole number, a decimal shown as a percentage, a date (a real date serial with a date format),
/// or nothing.
public enum SheetCell: Sendable {
    case text(String)
    case integer(Int)
    /// A fraction shown with "0.00%" (0.25 → 25.00%).
    case percent(Decimal)
    case date(CalendarDay)
    case empty

    /// Excel's day serial (1899-12-30 is day 0).
    static func serial(_ day: CalendarDay) -> Int { day.dayNumber + 25_569 }

    /// Characters that make a spreadsheet program read typed text as a formula or command; text
    /// starting with one is marked "quote prefix" so it stays text even when edited.
    static func looksLikeFormula(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "=" || first == "+" || first == "-" || first == "@" || first == "\t" || first == "\r"
    }

    /// Excel holds at most 32,767 characters in a cell.
    static let maxTextLength = 32_767
}
