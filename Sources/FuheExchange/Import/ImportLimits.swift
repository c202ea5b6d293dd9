import FuheCore

/// The sizes an import accepts, so that every import takes time linear in its input and far
/// beyond the largest real report still finishes in seconds. Each limit is enforced where the
/// value is read, with a message that names the file, line and field.
public enum ImportLimits {
    /// One import file: 64 MB (the largest bundled sample is about 60 KB).
    public static let maxFileBytes = 64 * 1_048_576
    /// Ids (`id`, `…_id`, codes): 100 characters.
    public static let maxIDCharacters = 100
    /// Names (`name`, `short_name`, `object_name`, `title`, `label`): 200 characters. Names are
    /// sorted by pinyin and matched by the search, which costs more per character than text.
    public static let maxNameCharacters = 200
    /// Any other text: 100,000 characters (a long report section is about 10,000).
    public static let maxTextCharacters = 100_000
    /// A number written as text or as a JSON number: 40 characters.
    public static let maxNumberCharacters = 40

    /// The limit for a string field named `key`.
    public static func maxCharacters(for key: String) -> Int {
        if key == "id" || key.hasSuffix("_id") || key == "code" || key.hasSuffix("_code") { return maxIDCharacters }
        if ["name", "short_name", "object_name", "title", "label", "quantity"].contains(key) { return maxNameCharacters }
        return maxTextCharacters
    }
}
