import Foundation

/// Pinyin sort keys for Chinese names ("黄土矿镇政府" → "huang tu kuang zhen zheng fu"). Only the
/// first `significant` characters count: the transform is slow on long text (minutes for a
/// 100,000-character name), and no two names need more to sort apart.
public enum SortKey {
    public static let significant = 64

    public static func of(_ text: String) -> String {
        let head = text.count > significant ? String(text.prefix(significant)) : text
        let latin = head.applyingTransform(.mandarinToLatin, reverse: false) ?? head
        let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        return plain.lowercased()
    }
}
