import FuheCore

/// 整改台账 as CSV: one row per item, the columns of `LedgerRow` (spec §6.2).
public enum Ledger {
    public static var header: [String] { LedgerRow.columns }

    /// Ledger rows for the given dossiers, in dossier then item order.
    public static func rows(_ dossiers: [Dossier], today: CalendarDay) -> [[String]] {
        LedgerRow.rows(dossiers.map(DossierFollowUp.init), today: today).map(\.texts)
    }

    /// The ledger as Excel/WPS-friendly CSV bytes.
    public static func csv(_ dossiers: [Dossier], today: CalendarDay) -> [UInt8] {
        csv(LedgerRow.rows(dossiers.map(DossierFollowUp.init), today: today))
    }

    /// Ledger rows as Excel/WPS-friendly CSV bytes.
    public static func csv(_ rows: [LedgerRow]) -> [UInt8] {
        var w = CSVWriter(header: header)
        for row in rows { w.addRow(row.texts) }
        return w.bytes
    }
}
