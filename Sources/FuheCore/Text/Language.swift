import Foundation

/// The language of messages to the user: Chinese, unless the locale asks for English.
///
/// The locale is read the POSIX way — `LC_ALL`, else `LC_MESSAGES`, else `LANG` — and only a
/// value starting with `en` (`en_US.UTF-8`, `en`) means English; `C`, `POSIX`, `zh_CN.UTF-8`
/// and an unset locale keep Chinese, the tool's primary language.
///
/// ```swift
/// UILanguage.from(["LANG": "en_US.UTF-8"])   // .english
/// tr("没有这个库", "no such store")            // Chinese unless the locale says English
/// ```
public enum UILanguage: Sendable, Equatable {
    case chinese
    case english

    /// The language of this process, read once from its environment.
    public static let current: UILanguage = from(ProcessInfo.processInfo.environment)

    /// The language an environment asks for.
    public static func from(_ environment: [String: String]) -> UILanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .english : .chinese
        }
        return .chinese
    }
}

/// A message in the user's language: `zh` unless ``UILanguage/current`` is English.
public func tr(_ zh: String, _ en: String) -> String {
    UILanguage.current == .english ? en : zh
}
