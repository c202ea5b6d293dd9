import Foundation
import FuheApp
import FuheCore
import FuheStore
import FuheUI
import TermCore

/// A temporary store with the bundled catalog and the 11 sample dossiers, installed exactly as the
/// app installs them, with a fixed clock so dates and overdue counts are stable.
public struct SampleStore {
    public static let today = CalendarDay("2026-11-23")!
    public let directory: URL
    public let path: String
    public let store: FuheStore
    public let clock: FixedClock

    public init(samples: Bool = true) throws {
        clock = FixedClock(day: Self.today)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("fuhe.sqlite").path
        store = try FuheStore.open(path: path, createIfMissing: true, clock: clock)
        try BundledData.installCatalog(into: store)
        if samples { try BundledData.installSamples(into: store, actor: "fuhe") }
    }

    public func remove() { try? FileManager.default.removeItem(at: directory) }

    /// A started workstation over this store.
    public func workstation(width: Int = 80, height: Int = 24, actor: Actor = Actor(name: "王某", role: .leader)) -> Workstation {
        Self.workstation(on: store, clock: clock, width: width, height: height, actor: actor)
    }

    /// A started workstation over any store (a copy, say), labelled as the app labels it.
    public static func workstation(on store: FuheStore, clock: FixedClock = FixedClock(day: today), width: Int = 80, height: Int = 24,
                                   actor: Actor = Actor(name: "王某", role: .leader)) -> Workstation {
        let label = (try? StoreLabel.describing(store)) ?? StoreLabel(name: store.name, kind: "main")
        let w = Workstation(repository: StoreRepository(store, role: actor.role), actor: actor, storeLabel: label,
                            clock: clock, width: width, height: height)
        w.start()
        return w
    }
}

/// Feeds keys to a workstation: `type("11/10")` sends each character, `press(.enter)` one key.
extension Workstation {
    public func type(_ text: String) { for ch in text { handle(.character(ch)) } }
    public func press(_ keys: KeyEvent...) { for k in keys { handle(k) } }
    /// The screen as text.
    public var screenText: String { Renderer.render(state).text }
}
