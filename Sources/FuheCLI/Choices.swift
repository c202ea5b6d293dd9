import ArgumentParser
import FuheCore
import TermCore

/// Option values a user names in Chinese or English (`--type 项目支出`, `--type project`,
/// `--status 已定稿`, `--role 组长`, `--prefer 副本`). The names come from the FuheCore enums
/// (`NamedChoice`); 繁体 and 简体 compare equal, as in the workstation's search.
enum Choices {
    /// The value `text` names, or a usage error listing the choices.
    static func parse<Value: NamedChoice>(_ text: String, as type: Value.Type, option: String) throws -> Value {
        guard let value = Value.named(text, fold: fold) else {
            throw ValidationError(tr("\(option) “\(text)” 无法识别；可用：\(Value.choicesText)", "\(option) \"\(text)\" is not recognised; use one of: \(Value.choicesText)"))
        }
        return value
    }

    /// Folding for comparing names: simplified characters, lower case, half-width.
    static func fold(_ text: String) -> String { TextMatcher.Key(text, readings: HanPinyin.searchReading).foldedText }

    /// Shell completion for an option taking `Value`.
    static func completion<Value: NamedChoice>(_ type: Value.Type) -> CompletionKind { .list(Value.allNames) }
}
