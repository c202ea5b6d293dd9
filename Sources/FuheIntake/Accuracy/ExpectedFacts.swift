import Foundation

/// A hand-made list of what reports state (`fuhe.intake-expected/1`, docs/intake.md): the facts
/// the accuracy measurement compares drafts with.
public struct ExpectedFacts: Decodable, Sendable {
    public var format: String
    public var reports: [Report]

    public struct Report: Decodable, Sendable {
        public var file: String
        public var index: Int
        /// Acceptable unit names; empty when the report names none.
        public var unit: [String]
        public var year: String?
        public var yearHidden: Bool
        public var evalType: String?
        public var reportDate: String?
        public var basisDocs: [String]
        public var totals: [String]
        public var grade: String?
        public var template: String?
        /// [node code, score].
        public var scores: [[String]]
        /// [node code, weight].
        public var weights: [[String]]
        /// [line, label key, value, unit].
        public var figures: [Figure]
        public var problems: [String]
        public var measures: [String]
        /// [kind, line, stated, computed].
        public var errors: [KnownError]

        enum CodingKeys: String, CodingKey {
            case file, index, unit, year, yearHidden = "year_hidden", evalType = "eval_type", reportDate = "report_date"
            case basisDocs = "basis_docs", totals, grade, template, scores, weights, figures, problems, measures, errors
        }
    }

    public struct Figure: Decodable, Sendable {
        public var line: Int
        public var label: String
        public var value: String
        public var unit: String

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            line = try c.decode(Int.self)
            label = try c.decode(String.self)
            value = try c.decode(String.self)
            unit = try c.decode(String.self)
        }
    }

    public struct KnownError: Decodable, Sendable {
        public var kind: String
        public var line: Int
        public var stated: String
        public var computed: String

        public init(from decoder: any Decoder) throws {
            var c = try decoder.unkeyedContainer()
            kind = try c.decode(String.self)
            line = try c.decode(Int.self)
            stated = try c.decode(String.self)
            computed = try c.decode(String.self)
        }
    }

    public static func load(_ data: Data) throws -> ExpectedFacts {
        let facts = try JSONDecoder().decode(ExpectedFacts.self, from: data)
        guard facts.format == "fuhe.intake-expected/1" else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "format must be fuhe.intake-expected/1"))
        }
        return facts
    }
}
