import Foundation
import Testing
@testable import FuheExchange

/// Import reads the common ISO 8601 forms itself (one `ISO8601DateFormatter` per time field made
/// decoding slow); what it reads must be the instant the formatter reads, and everything else is
/// still the formatter's decision.
@Suite struct ImportTimeTests {
    private func formatter(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    @Test func commonFormsReadAsTheFormatterReadsThem() {
        let texts = ["2022-05-10T09:30:00+08:00", "2022-05-10T09:30:00Z", "1970-01-01T00:00:00Z", "2000-02-29T23:59:59-05:30",
                     "1600-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "2024-12-31T00:00:00-12:00", "1969-12-31T23:59:59+00:00"]
        for text in texts {
            #expect(ISO8601.parseCommon(text) != nil, "\(text)")
            #expect(ISO8601.parse(text) == formatter(text), "\(text)")
        }
    }

    @Test func otherFormsAreTheFormattersDecision() {
        let texts = ["2021-02-29T10:00:00Z", "2022-05-10T24:00:00Z", "2022-05-10T09:30:00.250+08:00", "2022-05-10 09:30:00Z",
                     "2022-05-10T09:30:00+0800", "1500-01-01T00:00:00Z", "2022-13-10T09:30:00Z", "2022-05-10T09:30:60Z", "２０22-05-10T09:30:00Z", ""]
        for text in texts {
            #expect(ISO8601.parseCommon(text) == nil, "\(text)")
            #expect(ISO8601.parse(text) == formatter(text), "\(text)")
        }
    }
}
