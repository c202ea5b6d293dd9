import Foundation
import FuheCore
import FuheDocuments
import FuheStore

/// The 复核结果通报's values from the store: the units a filter selects (their engine summaries),
/// their findings and items (without scoresheet rows), summed up by `CycleSummary`.
public enum CycleReportMaker {
    public struct Made {
        public var record: TemplateRecord
        /// "2021" or "2017—2021", for the file name.
        public var yearText: String
        public var units: Int
    }

    public static func record(store: FuheStore, filter: UnitFilter, year: Int?, issuer: String?, filterText: String) throws -> Made {
        let units = try store.unitList(filter: filter).filter { year == nil || $0.fiscalYear == year }
        guard !units.isEmpty else { throw DocumentError.nothingToWrite("没有符合条件的单位，未生成通报") }
        let followUps = try store.followUps(dossierIDs: units.map(\.dossierID))
        let summary = CycleSummary(units: units, followUps: followUps, schemes: try store.gradeSchemes(), today: store.today)
        let record = CycleReportContent.record(summary, followUps: followUps,
                                               context: .init(issuer: issuer, filterText: filterText, today: store.today))
        let yearText: String
        if case .text(let text)? = record["年度"] { yearText = text } else { yearText = "" }
        return Made(record: record, yearText: yearText, units: units.count)
    }
}
