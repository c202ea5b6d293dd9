import Foundation

/// A scoresheet row (`IndicatorResult`) written member by member: byte for byte what
/// `StoredJSONWriter` writes for it through `Encodable` (members in the byte order of their
/// names, optional members left out when nil, as the synthesized `encode(to:)` and
/// `.sortedKeys` write them), without building the value tree — most of a store's rows are
/// scoresheet rows (building 20,000 dossiers writes 1.2 million). `StoredJSONTests` compare the
/// two with `JSONEncoder` over whole stores of hostile text.
enum StoredRowWriter {
    static func write(_ r: IndicatorResult) throws -> String {
        var o = ObjectWriter()
        o.out.reserveCapacity(768)
        if let v = r.actual { o.key("actual"); o.observed(v) }
        o.string("deductionReason", r.deductionReason)
        o.key("evidenceIDs"); o.strings(r.evidenceIDs)
        o.string("nodeID", r.nodeID)
        try o.date("queriedAt", r.queriedAt)
        o.string("queriedBy", r.queriedBy)
        o.string("question", r.question)
        o.string("reviewNote", r.reviewNote)
        o.string("reviewScore", r.reviewScore?.description)
        try o.date("reviewedAt", r.reviewedAt)
        o.string("reviewedBy", r.reviewedBy)
        o.string("selfNote", r.selfNote)
        o.string("selfScore", r.selfScore?.description)
        o.string("status", r.status.rawValue)
        if let v = r.target { o.key("target"); o.observed(v) }
        if let v = r.verifiedActual { o.key("verifiedActual"); o.observed(v) }
        o.end()
        return String(decoding: o.out, as: UTF8.self)
    }

    /// One JSON object's members, written in the order given.
    private struct ObjectWriter {
        var out: [UInt8] = []
        var first = true

        mutating func key(_ name: StaticString) {
            out.append(first ? 0x7B : 0x2C)
            first = false
            out.append(0x22)
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(0x22)
            out.append(0x3A)
        }

        mutating func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            StoredJSONWriter.writeString(value, into: &out)
        }

        mutating func date(_ name: StaticString, _ value: Date?) throws {
            guard let value else { return }
            key(name)
            StoredJSONWriter.writeString(try StoredJSONWriter.iso8601(value), into: &out)
        }

        mutating func strings(_ values: [String]) {
            out.append(0x5B)
            for (i, s) in values.enumerated() {
                if i > 0 { out.append(0x2C) }
                StoredJSONWriter.writeString(s, into: &out)
            }
            out.append(0x5D)
        }

        /// `ObservedValue`: items, level, met, number, text.
        mutating func observed(_ v: ObservedValue) {
            var inner = ObjectWriter()
            swap(&inner.out, &out)
            if let items = v.items { inner.key("items"); inner.strings(items) }
            inner.string("level", v.level?.rawValue)
            if let met = v.met { inner.key("met"); inner.out.append(contentsOf: (met ? "true" : "false").utf8) }
            if let number = v.number { inner.key("number"); inner.out.append(contentsOf: number.description.utf8) }
            inner.string("text", v.text)
            inner.end()
            swap(&inner.out, &out)
        }

        mutating func end() {
            if first { out.append(0x7B) }
            out.append(0x7D)
        }
    }
}
