import Foundation
import Synchronization

/// Pinyin sort keys for Chinese names ("黄土矿镇政府" → "huang tu kuang zhen zheng fu"). Only the
/// first `significant` characters count: the transform is slow on long text (minutes for a
/// 100,000-character name), and no two names need more to sort apart.
public enum SortKey {
    public static let significant = 64

    /// Keys already made, by text: ICU makes a transliterator for every transform (≈ 1 ms a
    /// name), and an import of several cycles or years names the same units again.
    /// Keyed by the text's bytes: canonically equal texts of other bytes are transformed anew.
    private static let known = Mutex<[Bytes: String]>([:])

    private struct Bytes: Hashable {
        let text: String
        func hash(into hasher: inout Hasher) { for b in text.utf8 { hasher.combine(b) } }
        static func == (a: Bytes, b: Bytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    }

    public static func of(_ text: String) -> String {
        if let key = known.withLock({ $0[Bytes(text: text)] }) { return key }
        let key = make(text)
        known.withLock { cache in
            if cache.count >= 8_192 { cache.removeAll(keepingCapacity: true) }
            cache[Bytes(text: text)] = key
        }
        return key
    }

    static func make(_ text: String) -> String {
        let head = text.count > significant ? String(text.prefix(significant)) : text
        let latin = head.applyingTransform(.mandarinToLatin, reverse: false) ?? head
        let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        return plain.lowercased()
    }
}
