import Foundation
import Synchronization

/// Traditional → simplified folding of single Han characters (ICU's `Hant-Hans`), one character at a
/// time so that positions in a text are kept. Each distinct character is transformed once per
/// process (ICU costs ~10 µs a call); folding a text is then a table lookup per character.
///
/// ```swift
/// HanFold.fold("績效自評復核")   // "绩效自评复核"
/// ```
public enum HanFold {
    private static let cache = Mutex<[UInt32: UInt32]>([:])

    /// Whether a scalar is a Han ideograph that may have a simplified form.
    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x3400 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x3134F)
    }

    /// A lookup table for every Han scalar of `scalars` (others fold to themselves).
    public static func table<S: Sequence>(for scalars: S) -> [UInt32: UInt32] where S.Element == Unicode.Scalar {
        // Distinct Han scalars: a bitmap for the basic plane (no hashing per character), a set beyond it.
        var seen = [Bool](repeating: false, count: 0x10000)
        var wanted = Set<UInt32>()
        for s in scalars where isHan(s) {
            let v = s.value
            if v < 0x10000 {
                if !seen[Int(v)] { seen[Int(v)] = true; wanted.insert(v) }
            } else {
                wanted.insert(v)
            }
        }
        var out: [UInt32: UInt32] = [:]
        var missing: [UInt32] = []
        cache.withLock { known in
            for v in wanted {
                if let hit = known[v] { out[v] = hit } else { missing.append(v) }
            }
        }
        guard !missing.isEmpty else { return out }
        var found: [UInt32: UInt32] = [:]
        for v in missing {
            guard let scalar = Unicode.Scalar(v) else { continue }
            var folded = v
            if let s = String(scalar).applyingTransform(StringTransform("Hant-Hans"), reverse: false),
               s.unicodeScalars.count == 1, let first = s.unicodeScalars.first {
                folded = first.value
            }
            found[v] = folded
            out[v] = folded
        }
        cache.withLock { known in known.merge(found) { a, _ in a } }
        return out
    }

    /// The simplified form of one scalar.
    public static func simplified(_ s: Unicode.Scalar) -> Unicode.Scalar {
        guard isHan(s) else { return s }
        return table(for: CollectionOfOne(s))[s.value].flatMap(Unicode.Scalar.init) ?? s
    }

    /// A text with every traditional character replaced by its simplified form (same scalar count).
    public static func fold(_ text: String) -> String {
        let t = table(for: text.unicodeScalars)
        guard t.contains(where: { $0.key != $0.value }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if let v = t[s.value], let f = Unicode.Scalar(v) { out.append(f) } else { out.append(s) }
        }
        return String(out)
    }
}
