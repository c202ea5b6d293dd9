import Foundation

/// Copies of an index's template found equal to it node by node, kept (bounded, oldest dropped)
/// so that the next `matches` of the same copy compares storage instead of every node's strings
/// again: rescoring a store in the process that built it compared 60 nodes per dossier, a third
/// of the time. Holding a copy keeps its node storage alive, so an equal address means the same
/// unchanged nodes. Thread-safe.
final class TemplateCopies: @unchecked Sendable {
    private let lock = NSLock()
    private var copies: [IndicatorTemplate] = []
    static let limit = 4

    func contains(_ template: IndicatorTemplate) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return copies.contains { $0.sharesStorage(with: template) }
    }

    func remember(_ template: IndicatorTemplate) {
        lock.lock()
        defer { lock.unlock() }
        if copies.count >= Self.limit { copies.removeFirst() }
        copies.append(template)
    }

    /// How many copies are kept (tests).
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return copies.count
    }
}

extension IndicatorTemplate {
    /// Whether `other` holds this template's very node storage and equal small fields: equal
    /// without comparing the nodes (two values that share storage have the same nodes).
    func sharesStorage(with other: IndicatorTemplate) -> Bool {
        let sameNodes = nodes.withUnsafeBufferPointer { a in
            other.nodes.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }
        return sameNodes && self == other   // `==` finds the nodes identical by storage
    }
}
