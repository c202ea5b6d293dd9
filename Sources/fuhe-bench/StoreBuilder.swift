import Foundation
import FuheCore
import FuheExchange
import FuheResources
import FuheStore
import Synchronization

/// Everything the measurements share: where the store is, the synthetic template and factory.
struct BenchSetup {
    /// The benchmark's fixed day: items are overdue relative to it, whatever the real date.
    static let today = CalendarDay(year: 2022, month: 7, day: 5)
    static let clock = FixedClock(day: today)
    static let actor = "基准测试"
    static let batchSize = 100
    /// Dossiers per transaction when building the store.
    static let bulkSize = 1_000

    /// `count` values made on every core, in order.
    static func parallelMake<T: Sendable>(count: Int, _ make: @Sendable (Int) -> T) -> [T] {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8, count))
        let chunk = (count + workers - 1) / workers
        let parts = Mutex<[Int: [T]]>([:])
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let range = (w * chunk)..<Swift.min(count, (w + 1) * chunk)
            let local = range.map(make)
            parts.withLock { $0[w] = local }
        }
        return parts.withLock { all in (0..<workers).flatMap { all[$0] ?? [] } }
    }

    let options: BenchOptions
    let directory: String
    let removeAtEnd: Bool
    let template: IndicatorTemplate
    let scheme: GradeScheme
    let factory: SyntheticDossierFactory

    var storePath: String { (directory as NSString).appendingPathComponent("bench.sqlite") }

    init(options: BenchOptions) throws {
        self.options = options
        if let dir = options.dir {
            directory = dir
            removeAtEnd = false
        } else {
            directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("fuhe-bench-\(UUID().uuidString)")
            removeAtEnd = true
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let template = SyntheticTemplate.make(leaves: options.indicators)
        let schemeID = template.gradeSchemeID
        let scheme = (try? Self.bundledSchemes())?.first { $0.id == schemeID } ?? .mof4
        self.template = template
        self.scheme = scheme
        factory = SyntheticDossierFactory(template: template, scheme: scheme, today: Self.today)
    }

    /// Id of the `index`-th dossier of the base store.
    static func dossierID(_ index: Int) -> String { "SE-" + String(format: "%05d", index + 1) }

    /// Items of the `index`-th dossier: the total spread evenly, the remainder to the first ones.
    func itemCount(_ index: Int) -> Int {
        options.items / options.dossiers + (index < options.items % options.dossiers ? 1 : 0)
    }

    func openStore() throws -> FuheStore {
        try FuheStore.open(path: storePath, createIfMissing: false, clock: Self.clock)
    }

    static func bundledSchemes() throws -> [GradeScheme] {
        let url = ResourceFiles.gradeSchemesFile
        return try TemplateLoader.gradeSchemes(try TemplateLoader.read(url), file: url.lastPathComponent)
    }

    /// Builds the store (or reuses the one already in `--dir`); returns the build time, nil when reused.
    func buildStore() throws -> UInt64? {
        if FileManager.default.fileExists(atPath: storePath) {
            let store = try openStore()
            let count = try store.dossierIDs().count
            guard count == options.dossiers else {
                throw BenchFailure("\(storePath) holds \(count) dossiers, not --dossiers \(options.dossiers); remove it or pick another --dir")
            }
            Progress.say("reusing \(storePath) (\(count) dossiers)")
            return nil
        }
        Progress.say("building \(options.dossiers) dossiers × \(options.indicators) indicators, \(options.items) items in \(storePath)")
        let start = monotonicNanos()
        let store = try FuheStore.open(path: storePath, createIfMissing: true, clock: Self.clock)
        try store.saveGradeSchemes((try? Self.bundledSchemes()) ?? [.mof4])
        if let bundled = try? TemplateLoader.templates(in: ResourceFiles.templatesDirectory) {
            try store.saveTemplates(bundled, bundled: true)
        }
        try store.saveTemplates([template], bundled: false)
        // Dossiers are made on every core, a block at a time, and written through the store's bulk
        // path (one transaction per block; encoding, scoring and digests on every core, the next
        // block made and prepared while one is written). The old way, importDossiers per 100,
        // took ~55 s for 2,000 dossiers.
        let total = options.dossiers, size = Self.bulkSize, factory = self.factory
        let counts = (0..<total).map { itemCount($0) }
        var lastReport = start
        try store.bulkLoad(blocks: (total + size - 1) / size, actor: Self.actor, origin: "bench", written: { k in
            let now = monotonicNanos(), done = Swift.min(total, (k + 1) * size)
            if now - lastReport > 2_000_000_000 || done == total {
                lastReport = now
                Progress.say("  \(done)/\(total) dossiers stored (\(format(Double(now - start) / 1e9)) s)")
            }
        }) { k in
            let first = k * size
            return Self.parallelMake(count: Swift.min(total, first + size) - first) { j in
                factory.make(index: first + j, id: Self.dossierID(first + j), itemCount: counts[first + j])
            }
        }
        return monotonicNanos() - start
    }

    /// A copy of the store (file and write-ahead log) for the import figure, so that the measured
    /// store keeps exactly `--dossiers` dossiers and can be reused.
    func scratchCopy() throws -> (store: FuheStore, path: String) {
        let path = (directory as NSString).appendingPathComponent("bench-import.sqlite")
        let fm = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        try fm.copyItem(atPath: storePath, toPath: path)
        if fm.fileExists(atPath: storePath + "-wal") { try fm.copyItem(atPath: storePath + "-wal", toPath: path + "-wal") }
        return (try FuheStore.open(path: path, createIfMissing: false, clock: Self.clock), path)
    }

    func removeScratchCopy(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func cleanUp() {
        guard removeAtEnd else { return }
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A benchmark failure with a plain message.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
