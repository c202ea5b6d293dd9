/// The text the reader works on: the source text cleaned and normalised (full-width forms as ASCII,
/// traditional characters as simplified, pinyin residue and site furniture removed, broken numbers
/// joined …), each scalar remembering the source offset it came from, so that anything found in it
/// is reported at its place in the source. Built by passes that each copy the text once (linear).
struct WorkingText {
    var scalars: [Unicode.Scalar]
    /// Source offset of each working scalar (an inserted scalar gets the offset of its neighbour).
    var origin: [Int32]

    init(source: SourceText) {
        scalars = source.scalars
        origin = (0..<Int32(source.scalars.count)).map { $0 }
    }

    init(scalars: [Unicode.Scalar], origin: [Int32]) {
        self.scalars = scalars
        self.origin = origin
    }

    var count: Int { scalars.count }

    /// Source range of working range [a, b).
    func sourceRange(_ a: Int, _ b: Int) -> (Int, Int) {
        guard a < b, a < origin.count else {
            let at = a < origin.count ? Int(origin[a]) : (origin.last.map { Int($0) + 1 } ?? 0)
            return (at, at + 1)
        }
        return (Int(origin[a]), Int(origin[min(b, origin.count) - 1]) + 1)
    }

    func string(_ a: Int, _ b: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars[max(0, a)..<min(b, scalars.count)])
        return String(v)
    }

    /// A builder for one pass.
    struct Builder {
        var scalars: [Unicode.Scalar] = []
        var origin: [Int32] = []

        init(capacity: Int) {
            scalars.reserveCapacity(capacity)
            origin.reserveCapacity(capacity)
        }

        mutating func append(_ s: Unicode.Scalar, from o: Int32) {
            scalars.append(s)
            origin.append(o)
        }

        var text: WorkingText { WorkingText(scalars: scalars, origin: origin) }
    }
}
