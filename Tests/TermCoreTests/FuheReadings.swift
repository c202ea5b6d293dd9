import FuheCore
@testable import TermCore

// TermCore reads no Han characters itself (`TextMatcher.Readings`): its tests read them as the
// workstation and the CLI do, with FuheCore's tables (`HanPinyin.searchReading`).

extension TextMatcher {
    init(query: String) {
        self.init(query: query, readings: HanPinyin.searchReading)
    }

    static func keys(for texts: [String]) -> [Key] {
        keys(for: texts, readings: HanPinyin.searchReading)
    }
}

extension TextMatcher.Key {
    init(_ text: String) {
        self.init(text, readings: HanPinyin.searchReading)
    }
}

extension TextMatcher.KeyBuilder {
    init() {
        self.init(readings: HanPinyin.searchReading)
    }
}

extension HanReading {
    init(_ scalar: Unicode.Scalar) {
        self.init(scalar, from: HanPinyin.searchReading)
    }
}
