import Foundation

/// 繁体 and 简体 as the same text, for everything that compares what a person wrote with a
/// known word: grades (優良 is 优良), checklist elements, lesson checks, unit names given on the
/// command line. Traditional characters become simplified one by one (`HanFold`, ICU's
/// `Hant-Hans` character mappings as a table); nothing else changes. ICU's few word rules (著作
/// keeps 著) are not applied: both sides of a comparison fold alike, and no ICU transliterator
/// is built (that cost the workstation's first screen about 15 ms).
///
/// `ChineseText.simplified("績效評價") // "绩效评价"`
public enum ChineseText {
    /// `text` with traditional characters replaced by their simplified forms.
    public static func simplified(_ text: String) -> String {
        HanFold.fold(text)
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
