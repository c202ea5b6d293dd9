import Foundation

/// A tiny exact evaluator for printed ratios such as "11/10", "37.2万元/45.12万元" or
/// "(19.8+1922.76+767.86-19.8)/(19.8+1922.76+767.86)". Unit words between numbers are ignored;
/// anything that is not a clean arithmetic expression is rejected (never crashes).
enum RatioExpression {
    enum Failure: Error { case invalid, divisionByZero }

    private enum Token: Equatable {
        case number(Decimal)
        case op(Character)
    }

    /// Evaluates the text; `.divisionByZero` when a denominator is 0.
    static func evaluate(_ text: String) -> Result<Decimal, Failure> {
        guard text.count <= 400, let tokens = tokenize(text), !tokens.isEmpty else { return .failure(.invalid) }
        var parser = Parser(tokens: tokens)
        do {
            let value = try parser.expression(depth: 0)
            guard parser.position == tokens.count else { return .failure(.invalid) }
            return .success(value)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.invalid)
        }
    }

    private static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        var number = ""
        func flush() -> Bool {
            guard !number.isEmpty else { return true }
            defer { number = "" }
            guard let value = ExactDecimal.parse(number) else { return false }
            tokens.append(.number(value))
            return true
        }
        for c in text {
            if ValueText.isDigit(c) || c == "." {
                number.append(c)
                continue
            }
            guard flush() else { return nil }
            switch c {
            case "+", "-", "/", "(", ")": tokens.append(.op(c))
            case "*", "×": tokens.append(.op("*"))
            default: continue  // unit words, comparators, "%": ignored
            }
        }
        guard flush() else { return nil }
        return tokens
    }

    private struct Parser {
        let tokens: [Token]
        var position = 0

        init(tokens: [Token]) { self.tokens = tokens }

        mutating func expression(depth: Int) throws -> Decimal {
            guard depth < 32 else { throw Failure.invalid }
            var value = try term(depth: depth)
            while position < tokens.count, case .op(let c) = tokens[position], c == "+" || c == "-" {
                position += 1
                let rhs = try term(depth: depth)
                value = c == "+" ? value + rhs : value - rhs
            }
            return value
        }

        mutating func term(depth: Int) throws -> Decimal {
            var value = try factor(depth: depth)
            while position < tokens.count, case .op(let c) = tokens[position], c == "*" || c == "/" {
                position += 1
                let rhs = try factor(depth: depth)
                if c == "*" {
                    value *= rhs
                } else {
                    guard rhs != 0 else { throw Failure.divisionByZero }
                    value /= rhs
                }
            }
            return value
        }

        mutating func factor(depth: Int) throws -> Decimal {
            guard position < tokens.count, depth < 32 else { throw Failure.invalid }
            let token = tokens[position]
            position += 1
            switch token {
            case .number(let value):
                return value
            case .op("-"):
                return -(try factor(depth: depth + 1))
            case .op("+"):
                return try factor(depth: depth + 1)
            case .op("("):
                let value = try expression(depth: depth + 1)
                guard position < tokens.count, tokens[position] == .op(")") else { throw Failure.invalid }
                position += 1
                return value
            default:
                throw Failure.invalid
            }
        }
    }
}
