import Foundation

/// Reads lesson files (`fuhe.lesson/1`, JSON). Unknown fields are refused (usually typos), and
/// every error names the file and the field: `03-huangtukuang.json: steps[2].check.kind: "foo"
/// is not one of unit_open, focus, …`.
public enum LessonFile {
    public static let format = "fuhe.lesson/1"

    /// Decodes a lesson; with `keys`, every `{command}` in its texts becomes that command's key
    /// (`LessonKeys`), and a name `keys` does not know is refused.
    public static func decode(_ data: Data, file: String, keys: ((String) -> String?)? = nil) throws(LessonFileError) -> Lesson {
        let lesson: Lesson
        do {
            lesson = try JSONDecoder().decode(LessonDocument.self, from: data).lesson
        } catch let error as DecodingError {
            throw LessonFileError(file: file, decoding: error)
        } catch {
            throw LessonFileError(file: file, path: "", message: "\(error)")
        }
        guard let keys else { return lesson }
        return try lesson.withKeys(file: file, keys)
    }
}

/// Why a lesson file was refused.
public struct LessonFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// Field path such as `steps[1].check.score`; empty for the whole file.
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    init(file: String, decoding error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(file: file, path: Self.path(context.codingPath + [key]), message: "required field is missing")
        case .typeMismatch(let type, let context):
            self.init(file: file, path: Self.path(context.codingPath), message: "expected \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            self.init(file: file, path: Self.path(context.codingPath), message: "expected \(Self.name(of: type)), found null")
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            self.init(file: file, path: Self.path(context.codingPath),
                      message: context.codingPath.isEmpty ? "not valid JSON: \(underlying ?? context.debugDescription)" : context.debugDescription)
        @unknown default:
            self.init(file: file, path: "", message: "\(error)")
        }
    }

    public var description: String { path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)" }

    static func path(_ keys: [any CodingKey]) -> String {
        var out = ""
        for key in keys {
            if let i = key.intValue { out += "[\(i)]" } else { out += out.isEmpty ? key.stringValue : "." + key.stringValue }
        }
        return out
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}

/// The top level of a lesson file.
struct LessonDocument: Decodable {
    var lesson: Lesson

    init(from decoder: any Decoder) throws {
        let c = try StrictContainer(decoder, allowed: ["format", "id", "title", "intro", "setup", "steps", "outro"])
        let format = try c.string("format")
        guard format == LessonFile.format else { throw c.corrupt("format", "\"\(format)\" is not \(LessonFile.format)") }
        let steps = try c.keyed.decode([LessonStep].self, forKey: AnyKey("steps"))
        guard !steps.isEmpty else { throw c.corrupt("steps", "a lesson needs at least one step") }
        lesson = Lesson(id: try c.nonBlank("id"), title: try c.nonBlank("title"), intro: try c.nonBlank("intro"),
                        setup: try c.keyed.decodeIfPresent([LessonSetup].self, forKey: AnyKey("setup")) ?? [],
                        steps: steps, outro: try c.nonBlank("outro"))
    }
}

extension LessonStep: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try StrictContainer(decoder, allowed: ["instruction", "check", "hint", "done", "mistakes"])
        self.init(instruction: try c.nonBlank("instruction"), check: try c.keyed.decode(LessonCheck.self, forKey: AnyKey("check")),
                  hint: try c.nonBlank("hint"), done: try c.optionalString("done"),
                  mistakes: try c.keyed.decodeIfPresent([LessonMistake].self, forKey: AnyKey("mistakes")) ?? [])
    }
}

extension LessonMistake: Decodable {
    public init(from decoder: any Decoder) throws {
        let c = try StrictContainer(decoder, allowed: ["check", "explain"])
        self.init(check: try c.keyed.decode(LessonCheck.self, forKey: AnyKey("check")), explain: try c.nonBlank("explain"))
    }
}

extension LessonSetup: Decodable {
    public init(from decoder: any Decoder) throws {
        let probe = try decoder.container(keyedBy: AnyKey.self)
        let action = try probe.decode(String.self, forKey: AnyKey("action"))
        switch action {
        case "remove_item":
            let c = try StrictContainer(decoder, allowed: ["action", "dossier", "item"])
            self = .removeItem(dossier: try c.nonBlank("dossier"), item: try c.nonBlank("item"))
        case "remove_finding":
            let c = try StrictContainer(decoder, allowed: ["action", "dossier", "finding"])
            self = .removeFinding(dossier: try c.nonBlank("dossier"), finding: try c.nonBlank("finding"))
        default:
            throw DecodingError.dataCorruptedError(forKey: AnyKey("action"), in: probe,
                                                   debugDescription: "\"\(action)\" is not one of remove_item, remove_finding")
        }
    }
}
