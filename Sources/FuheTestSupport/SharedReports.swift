import Foundation
import FuheCore
import FuheIntake
import FuheStore

/// The three published reports the intake was built on (seven reports in all), as the intake
/// tests keep them, read by `FuheIntake` and queued in a store as `fuhe intake --import` does.
public enum SharedReports {
    /// `Tests/FuheIntakeTests/Fixtures/reports` of this checkout.
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/FuheIntakeTests/Fixtures/reports")
    public static let files = ["001_83b6565323139711.txt", "002_1fd08a09e2cdf23f.txt", "004_f444a14e3d1f7ac3.txt"]
    public static var paths: [String] { files.map { directory.appendingPathComponent($0).path } }

    /// Reads the reports and queues their drafts (in file order); returns the drafts.
    @discardableResult
    public static func enqueue(into store: FuheStore, files: [String] = files, actor: String = "李审") throws -> [IntakeDraft] {
        let templates = try store.templates()
        var drafts: [IntakeDraft] = []
        for file in files {
            drafts += try Intake.drafts(path: directory.appendingPathComponent(file).path, templates: templates)
        }
        try store.enqueueDrafts(drafts, actor: actor)
        return drafts
    }
}
