import Foundation
import FuheCore

/// Builds `DraftCheck`s with their level decided by `ArithmeticRule` (ids are numbered when the
/// draft is assembled).
enum CheckMaker {
    static func plain(_ d: Decimal) -> String { ExactDecimal.plain(d) }

    /// Stated total against the sum of its parts.
    static func sum(label: String, stated: (String, Decimal, [SourceSpan]), parts: [(String, String, Decimal, [SourceSpan])],
                    unit: String, kind: DraftCheck.Kind = .sum) -> DraftCheck {
        let computed = parts.reduce(Decimal(0)) { $0 + $1.2 }
        let level = ArithmeticRule.compare(stated: stated.1, computed: computed, statedPlaces: ArithmeticRule.places(of: stated.0), kind: .amount)
        let expression = parts.map(\.1).joined(separator: "+")
        let difference = plain(stated.1 - computed)
        let message: String
        switch level {
        case .ok: message = "“\(label)”\(stated.0)\(unit)，各项合计\(expression)=\(plain(computed))\(unit)，一致"
        case .hint: message = "“\(label)”\(stated.0)\(unit)，各项合计\(expression)=\(plain(computed))\(unit)，相差\(difference)\(unit)（尾数差异）"
        case .error: message = "“\(label)”\(stated.0)\(unit)，但各项合计\(expression)=\(plain(computed))\(unit)，相差\(difference)\(unit)"
        }
        return DraftCheck(id: "", kind: kind, level: level, label: label, stated: stated.0, computed: plain(computed), unit: unit,
                          operands: parts.map { DraftCheck.Operand(label: $0.0, value: $0.1, spans: $0.3) },
                          message: message, spans: stated.2 + parts.flatMap(\.3))
    }

    /// A printed percentage against numerator / denominator.
    static func share(kind: DraftCheck.Kind = .share, label: String, stated: (String, Decimal, [SourceSpan]),
                      numerator: (String, String, Decimal, [SourceSpan]), denominator: (String, String, Decimal, [SourceSpan]),
                      expressionNote: String? = nil) -> DraftCheck {
        let operands = [DraftCheck.Operand(label: numerator.0, value: numerator.1, spans: numerator.3),
                        DraftCheck.Operand(label: denominator.0, value: denominator.1, spans: denominator.3)]
        let spans = stated.2 + numerator.3 + denominator.3
        let expression = expressionNote ?? "\(numerator.1)/\(denominator.1)"
        guard denominator.2 != 0 else {
            return DraftCheck(id: "", kind: kind, level: .error, label: label, stated: stated.0, computed: "", unit: "%", operands: operands,
                              message: "“\(label)”为\(stated.0)%，但其基数“\(denominator.0)”为\(denominator.1)，比例无从计算", spans: spans)
        }
        let computed = numerator.2 / denominator.2 * 100
        let shown = ExactDecimal.format(computed, places: 2)
        let level = ArithmeticRule.compare(stated: stated.1, computed: computed, statedPlaces: ArithmeticRule.places(of: stated.0), kind: .percent)
        let message: String
        switch level {
        case .ok: message = "“\(label)”\(stated.0)%，按\(expression)=\(shown)%，一致"
        case .hint: message = "“\(label)”\(stated.0)%，按\(expression)=\(shown)%，尾数有差异"
        case .error: message = "“\(label)”为\(stated.0)%，但按\(expression)计算为\(shown)%"
        }
        return DraftCheck(id: "", kind: kind, level: level, label: label, stated: stated.0, computed: shown, unit: "%",
                          operands: operands, message: message, spans: spans)
    }

    /// Renumbers checks `check.1`, `check.2` … in order of their first place in the text.
    static func numbered(_ checks: [DraftCheck]) -> [DraftCheck] {
        var seen = Set<String>()
        var unique: [DraftCheck] = []
        for c in checks where seen.insert("\(c.kind.rawValue)|\(c.label)|\(c.stated)|\(c.computed)|\(c.spans.first?.description ?? "")").inserted {
            unique.append(c)
        }
        let ordered = unique.enumerated().sorted {
            let a = $0.element.spans.first, b = $1.element.spans.first
            if let a, let b, a != b { return a < b }
            return $0.offset < $1.offset
        }.map(\.element)
        return ordered.enumerated().map { i, c in
            var c = c
            c.id = "check.\(i + 1)"
            return c
        }
    }
}
