import Foundation

/// 繁体 and 简体 as the same text, for everything that compares what a person wrote with a
/// known word: grades (優良 is 优良), checklist elements, lesson checks, unit names given on the
/// command line. Traditional characters become simplified with ICU's `Hant-Hans` transform (the
/// one the workstation's search uses, through `TextMatcher`); nothing else changes.
///
/// `ChineseText.simplified("績效評價") // "绩效评价"`
public enum ChineseText {
    /// `text` with traditional characters replaced by their simplified forms. ASCII-only text is
    /// returned as it is, without asking ICU.
    public static func simplified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) else { return text }
        return text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? text
    }

    /// Whether `a` and `b` are the same text once simplified and trimmed ("優良" and "优良").
    public static func same(_ a: String, _ b: String) -> Bool {
        let trim = CharacterSet.whitespacesAndNewlines
        return simplified(a.trimmingCharacters(in: trim)) == simplified(b.trimmingCharacters(in: trim))
    }

    /// Whether `text` contains `part`, 繁简 folded.
    public static func contains(_ text: String, _ part: String) -> Bool {
        simplified(text).contains(simplified(part))
    }
}
