/// Why a file was refused: the file, the line, the field path and the rule, in one sentence.
///
/// `samples/08.json:41: results[3].self_score: "5.123" has more than 2 decimals (R-002)`
public struct ImportError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int?
    public var path: String
    public var message: String
    public var rule: String?

    public init(file: String, line: Int?, path: String, message: String, rule: String? = nil) {
        self.file = file
        self.line = line
        self.path = path
        self.message = message
        self.rule = rule
    }

    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": "
        if !path.isEmpty { s += path + ": " }
        s += message
        if let rule { s += " (\(rule))" }
        return s
    }
}
