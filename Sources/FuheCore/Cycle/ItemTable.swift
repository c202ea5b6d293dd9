/// Every unit's rectification items in a compact form, for the cross-unit views (`O`, the
/// dashboard): per item the facts the rules read (`ItemFacts`) and its numbers as plain values,
/// its unit as an index into `units`, and its text (ids, problem, measure, who is responsible) as
/// UTF-8 in one buffer. `String`s are made only for the rows a screen shows (`digest(at:)`), so
/// opening 20,000 items makes 2,000 unit names, not 200,000 strings.
public struct ItemTable: Sendable {
    /// A dossier the items belong to.
    public struct Unit: Sendable, Hashable {
        public var dossierID: String
        public var unitName: String
        public var fiscalYear: Int

        public init(dossierID: String, unitName: String, fiscalYear: Int) {
            self.dossierID = dossierID
            self.unitName = unitName
            self.fiscalYear = fiscalYear
        }
    }

    /// A piece of text in the table's buffer.
    public struct Text: Sendable, Hashable {
        var start: Int32
        var count: Int32
    }

    /// One item.
    public struct Row: Sendable {
        public var unit: Int32
        public var seq: Int
        public var facts: ItemFacts
        public var rectType: RectType
        public var category: FindingCategory?
        public var escalationCount: Int
        public var lastEscalation: EscalationKind?
        public var itemID: Text
        public var findingID: Text
        public var problem: Text
        public var measure: Text
        public var respUnit: Text
        public var respPerson: Text

        public init(unit: Int32, seq: Int, facts: ItemFacts, rectType: RectType, category: FindingCategory?, escalationCount: Int,
                    lastEscalation: EscalationKind?, itemID: Text, findingID: Text, problem: Text, measure: Text, respUnit: Text,
                    respPerson: Text) {
            self.unit = unit
            self.seq = seq
            self.facts = facts
            self.rectType = rectType
            self.category = category
            self.escalationCount = escalationCount
            self.lastEscalation = lastEscalation
            self.itemID = itemID
            self.findingID = findingID
            self.problem = problem
            self.measure = measure
            self.respUnit = respUnit
            self.respPerson = respPerson
        }
    }

    public private(set) var units: [Unit] = []
    public private(set) var rows: [Row] = []
    private var bytes: [UInt8] = []

    public init(reservingItems items: Int = 0) {
        rows.reserveCapacity(items)
        bytes.reserveCapacity(items * 200)
    }

    /// The table of `digests` (in their order).
    public init(_ digests: [ItemDigest]) {
        self.init(reservingItems: digests.count)
        var unitIndex: [String: Int32] = [:]
        for d in digests {
            let unit: Int32
            if let u = unitIndex[d.dossierID] { unit = u } else {
                unit = add(Unit(dossierID: d.dossierID, unitName: d.unitName, fiscalYear: d.fiscalYear))
                unitIndex[d.dossierID] = unit
            }
            append(Row(unit: unit, seq: d.seq, facts: d.facts, rectType: d.rectType, category: d.category, escalationCount: d.escalationCount,
                       lastEscalation: d.lastEscalation, itemID: text(d.itemID), findingID: text(d.findingID), problem: text(d.problem),
                       measure: text(d.measure), respUnit: text(d.respUnit), respPerson: text(d.respPerson)))
        }
    }

    public var count: Int { rows.count }

    /// Adds a unit; returns its index.
    public mutating func add(_ unit: Unit) -> Int32 {
        units.append(unit)
        return Int32(units.count - 1)
    }

    public mutating func append(_ row: Row) { rows.append(row) }

    /// Keeps `utf8` (valid UTF-8) in the buffer.
    public mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) -> Text {
        let start = Int32(bytes.count)
        bytes.append(contentsOf: utf8)
        return Text(start: start, count: Int32(utf8.count))
    }

    public mutating func text(_ string: String) -> Text {
        var s = string
        return s.withUTF8 { text($0) }
    }

    /// The text as a `String`.
    public func string(_ t: Text) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(t.start)..<Int(t.start + t.count)]), as: UTF8.self) }
    }

    /// Whether the text is `string` (byte for byte, as stored).
    public func text(_ t: Text, is string: String) -> Bool {
        var s = string
        return s.withUTF8 { wanted in
            wanted.count == Int(t.count) && bytes.withUnsafeBufferPointer { $0[Int(t.start)..<Int(t.start + t.count)].elementsEqual(wanted) }
        }
    }

    /// Orders two texts by their bytes.
    public func less(_ a: Text, _ b: Text) -> Bool {
        bytes.withUnsafeBufferPointer { $0[Int(a.start)..<Int(a.start + a.count)].lexicographicallyPrecedes($0[Int(b.start)..<Int(b.start + b.count)]) }
    }

    /// Sorts the items of each dossier by 序号 then id (they come grouped by dossier, in list order).
    public mutating func sortWithinUnits() {
        var start = 0
        while start < rows.count {
            var end = start + 1
            var sorted = true
            while end < rows.count, rows[end].unit == rows[start].unit {
                if !rowLess(rows[end - 1], rows[end]) { sorted = false }
                end += 1
            }
            if !sorted {
                let table = self
                rows[start..<end].sort { table.rowLess($0, $1) }
            }
            start = end
        }
    }

    private func rowLess(_ a: Row, _ b: Row) -> Bool {
        a.seq != b.seq ? a.seq < b.seq : less(a.itemID, b.itemID)
    }

    public func unit(of row: Int) -> Unit { units[Int(rows[row].unit)] }

    /// The rows of each unit, in unit order (the rows come grouped by unit, each unit once).
    public var unitRows: [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(units.count)
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, rows[end].unit == rows[start].unit { end += 1 }
            out.append(start..<end)
            start = end
        }
        return out
    }

    /// Appends the unit of `other`'s rows `range` (one unit's rows) with its rows, their text
    /// copied: how a table is spliced from an older one and the rows of the units that changed.
    public mutating func appendUnit(_ range: Range<Int>, of other: ItemTable) {
        guard let first = range.first else { return }
        let unit = add(other.units[Int(other.rows[first].unit)])
        for var row in other.rows[range] {
            row.unit = unit
            row.itemID = copy(row.itemID, from: other)
            row.findingID = copy(row.findingID, from: other)
            row.problem = copy(row.problem, from: other)
            row.measure = copy(row.measure, from: other)
            row.respUnit = copy(row.respUnit, from: other)
            row.respPerson = copy(row.respPerson, from: other)
            rows.append(row)
        }
    }

    private mutating func copy(_ t: Text, from other: ItemTable) -> Text {
        other.bytes.withUnsafeBufferPointer { text(UnsafeBufferPointer(rebasing: $0[Int(t.start)..<Int(t.start + t.count)])) }
    }

    /// The whole digest of one item (its strings made now).
    public func digest(at index: Int) -> ItemDigest {
        let r = rows[index], u = units[Int(r.unit)], f = r.facts
        return ItemDigest(dossierID: u.dossierID, unitName: u.unitName, fiscalYear: u.fiscalYear, itemID: string(r.itemID),
                          findingID: string(r.findingID), seq: r.seq, problem: string(r.problem), category: r.category,
                          measure: string(r.measure), rectType: r.rectType, respUnit: string(r.respUnit), respPerson: string(r.respPerson),
                          createdOn: f.createdOn, deadline: f.deadline, status: f.status, submittedOn: f.submittedOn,
                          nextCheckOn: f.nextCheckOn, longTermSince: f.longTermSince, lastProgressOn: f.lastProgressOn,
                          returnCount: f.returnCount, escalationCount: r.escalationCount, lastEscalation: r.lastEscalation)
    }

    /// Every item as a digest (tests, small tables).
    public var digests: [ItemDigest] { rows.indices.map(digest(at:)) }
}
