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

    /// Text a spreadsheet program would read as a formula or command (`FormulaTrigger`, the one
    /// rule); such text is marked "quote prefix" so it stays text even when edited.
    static func looksLikeFormula(_ text: String) -> Bool { FormulaTrigger.triggers(text) }

    /// Excel holds at most 32,767 characters in a cell.
    static let maxTextLength = 32_767
}
