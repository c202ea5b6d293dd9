import Foundation

/// A column chart a document shows where a chart field stands: categories along the bottom, one
/// bar per series in each category, values written into the chart part (no linked workbook).
public struct ChartSpec: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        public var values: [Decimal]
        public init(name: String, values: [Decimal]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    /// Size on the page in millimetres.
    public var widthMM: Int
    public var heightMM: Int

    public init(title: String, categories: [String], series: [Series], widthMM: Int = 150, heightMM: Int = 85) {
        self.title = title
        self.categories = categories
        self.series = series
        self.widthMM = widthMM
        self.heightMM = heightMM
    }
}
