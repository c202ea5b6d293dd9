import Foundation

/// Pinyin sort keys for Chinese names ("黄土矿镇政府" → "huang tu kuang zhen zheng fu").
public enum SortKey {
    public static func of(_ text: String) -> String {
        let latin = text.applyingTransform(.mandarinToLatin, reverse: false) ?? text
        let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        return plain.lowercased()
    }
}
