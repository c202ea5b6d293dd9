import Foundation
import FuheCore
import FuheResources
import FuheTraining

/// The guided lessons bundled in `Resources/lessons/`, in file-name order (lesson 1 is the first
/// file).
public enum LessonLibrary {
    public static func bundled() throws -> [Lesson] {
        try load(ResourceFiles.jsonFiles(in: ResourceFiles.lessonsDirectory), folder: "lessons")
    }

    /// Reads lesson files; the first bad one is refused with its file and field.
    public static func load(_ urls: [URL], folder: String) throws -> [Lesson] {
        try urls.map { url in
            let name = folder + "/" + url.lastPathComponent
            let data: Data
            do { data = try Data(contentsOf: url) } catch { throw AppFailure(tr("\(name)：无法读取文件", "\(name): cannot read the file")) }
            do { return try LessonFile.decode(data, file: name) } catch let error as LessonFileError { throw AppFailure(error.description) }
        }
    }
}
