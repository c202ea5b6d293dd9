import Synchronization

/// The grapheme clusters of several scalars that cells have held (combining marks, emoji
/// sequences), each under a number that a ``Cell`` keeps instead of the cluster itself.
/// Process-wide, thread-safe and append-only: a number, once given, always means its cluster.
/// It grows with the distinct clusters drawn (a handful in practice), never with frames.
public final class GraphemeTable: Sendable {
    public static let shared = GraphemeTable()

    private struct Table {
        var clusters: [Character] = []
        /// Keyed by the exact scalars (a `String` key would take canonically equivalent clusters as one).
        var numbers: [[UInt32]: Int] = [:]
    }

    private let table = Mutex(Table())

    /// The number of `cluster`, given on its first use.
    public func number(of cluster: Character) -> Int {
        let key = cluster.unicodeScalars.map(\.value)
        return table.withLock { table in
            if let n = table.numbers[key] { return n }
            table.clusters.append(cluster)
            table.numbers[key] = table.clusters.count - 1
            return table.clusters.count - 1
        }
    }

    /// The cluster of number `n` (given by ``number(of:)``).
    public func cluster(_ n: Int) -> Character {
        table.withLock { $0.clusters[n] }
    }

    /// How many clusters the table holds.
    public var count: Int { table.withLock { $0.clusters.count } }
}
