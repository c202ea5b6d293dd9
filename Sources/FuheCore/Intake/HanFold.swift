/// Traditional → simplified folding of single Han characters (ICU's `Hant-Hans` mappings, kept
/// in `HanSimplifiedTable`), one character at a time so that positions in a text are kept:
/// folding a text is a table lookup per character, with no ICU transliterator.
///
/// ```swift
/// HanFold.fold("績效自評復核")   // "绩效自评复核"
/// ```
public enum HanFold {
    /// Whether a scalar is a Han ideograph that may have a simplified form.
    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x3400 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F)
    }

    /// A lookup table for every Han scalar of `scalars` that has a simplified form (others fold
    /// to themselves).
    public static func table<S: Sequence>(for scalars: S) -> [UInt32: UInt32] where S.Element == Unicode.Scalar {
        let map = HanSimplifiedTable.map
        var out: [UInt32: UInt32] = [:]
        for s in scalars where isHan(s) {
            if let f = map[s.value] { out[s.value] = f }
        }
        return out
    }

    /// The simplified form of one scalar.
    public static func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard isHan(s), let v = HanSimplifiedTable.map[s.value] else { return s }
        return Unicode.Scalar(v) ?? s
    }

    /// A text with every traditional character replaced by its simplified form (same scalar count).
    public static func fold(_ text: String) -> String {
        let map = HanSimplifiedTable.map
        guard text.unicodeScalars.contains(where: { isHan($0) && map[$0.value] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isHan(s), let v = map[s.value], let f = Unicode.Scalar(v) { out.append(f) } else { out.append(s) }
        }
        return String(out)
    }
}
