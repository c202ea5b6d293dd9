import Foundation
import FuheCore
import FuheResources
import FuheTraining
import FuheUI

/// The guided lessons bundled in `Resources/lessons/`, in file-name order (lesson 1 is the first
/// file). Keys in their texts are command names (`{review.accept}`) shown with `keymap`'s keys.
public enum LessonLibrary {
    public static func bundled(keymap: Keymap = .standard) throws -> [Lesson] {
        try load(ResourceFiles.jsonFiles(in: ResourceFiles.lessonsDirectory), folder: "lessons", keymap: keymap)
    }

    /// Reads lesson files; the first bad one is refused with its file and field.
    public static func load(_ urls: [URL], folder: String, keymap: Keymap = .standard) throws -> [Lesson] {
        let key = { (name: String) -> String? in keymap.keys(for: CommandID(name)).first?.description }
        return try urls.map { url in
            let name = folder + "/" + url.lastPathComponent
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw AppFailure(tr("\(name)：无法读取文件", "\(name): cannot read the file")) }
            do { return try LessonFile.decode(data, file: name, keys: key) } catch let error as LessonFileError { throw AppFailure(error.description) }
        }
    }
}
