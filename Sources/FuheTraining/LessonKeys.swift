/// Keys in lesson texts are written as command names in braces — `按 {review.verify-actual}
/// 录入核实值` — and shown as the key the keymap in force binds to that command (`按 v 录入核实值`),
/// so that lessons follow the command registry and a key configuration.
public enum LessonKeys {
    /// Replaces every `{command.name}` by `key(name)`; the first name it cannot resolve is the
    /// failure.
    public static func fill(_ text: String, _ key: (String) -> String?) -> Result<String, UnknownCommand> {
        guard text.contains("{") else { return .success(text) }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), after[..<close].allSatisfy(isNameCharacter), close > after.startIndex else {
                out.append("{")
                rest = after
                continue
            }
            let name = String(after[..<close])
            guard let shown = key(name) else { return .failure(UnknownCommand(name: name)) }
            out += shown
            rest = after[after.index(after: close)...]
        }
        return .success(out + rest)
    }

    static func isNameCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "-") }

    /// A name in braces that is not a command with a key.
    public struct UnknownCommand: Error, Sendable, Equatable {
        public var name: String
    }
}

extension Lesson {
    /// The lesson with every `{command}` in its texts replaced by that command's key; a name that
    /// is not a command is refused naming the file and the field.
    public func withKeys(file: String, _ key: (String) -> String?) throws(LessonFileError) -> Lesson {
        func fill(_ text: String, _ path: String) throws(LessonFileError) -> String {
            switch LessonKeys.fill(text, key) {
            case .success(let filled): return filled
            case .failure(let unknown):
                throw LessonFileError(file: file, path: path, message: "{\(unknown.name)} is not a command of the registry with a key")
            }
        }
        var lesson = self
        lesson.title = try fill(title, "title")
        lesson.intro = try fill(intro, "intro")
        lesson.outro = try fill(outro, "outro")
        for (i, step) in steps.enumerated() {
            lesson.steps[i].instruction = try fill(step.instruction, "steps[\(i)].instruction")
            lesson.steps[i].hint = try fill(step.hint, "steps[\(i)].hint")
            if let done = step.done { lesson.steps[i].done = try fill(done, "steps[\(i)].done") }
            for (j, mistake) in step.mistakes.enumerated() {
                lesson.steps[i].mistakes[j].explain = try fill(mistake.explain, "steps[\(i)].mistakes[\(j)].explain")
            }
        }
        return lesson
    }
}
