import Foundation
import FuheApp
import FuheCore
import FuheTraining
import FuheUI

/// The training demo in process: a `Sandbox` under a private temporary folder with the sample
/// clock, and workstations in training mode over it, built exactly as `fuhe demo` builds them.
public struct DemoSandbox {
    public let parent: URL
    public let sandbox: Sandbox
    public let lessons: [Lesson]
    public let clock: FixedClock

    public init() throws {
        clock = FixedClock(day: SampleStore.today)
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("fuhe-demo-test-\(UUID().uuidString)")
        sandbox = try Sandbox(clock: clock, parent: parent)
        lessons = try LessonLibrary.bundled()
    }

    public func remove() {
        sandbox.remove()
        try? FileManager.default.removeItem(at: parent)
    }

    /// A started workstation in training mode (optionally presenting, optionally on a lesson).
    public func workstation(width: Int = 100, height: Int = 30, presenting: Bool = false, lesson: Int? = nil) -> Workstation {
        let w = Workstation(repository: sandbox, actor: Actor(name: "培训学员", role: .leader),
                            storeLabel: StoreLabel(name: "沙盒", kind: "培训沙盒"), clock: clock, width: width, height: height)
        w.useDocuments(sandbox.documentWriter())
        w.start()
        w.enableTraining(lessons: lessons, sandbox: sandbox, presenting: presenting)
        if let lesson { w.startLesson(lesson) }
        return w
    }
}
