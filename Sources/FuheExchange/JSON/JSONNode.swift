import FuheCore

/// A parsed JSON value that remembers where it was written (1-based line and column), so that
/// import errors can name the exact place in the file.
public struct JSONNode: Sendable {
    /// The JSON value. Numbers keep their literal text so no precision is lost.
    public indirect enum Value: Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    public var value: Value
    public var line: Int
    public var column: Int

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// A short name of the value's JSON type, for error messages ("a string", "an object").
    public var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "true/false"
        case .number: tr("数", "a number")
        case .string: tr("字符串", "a string")
        case .array: tr("列表", "a list")
        case .object: tr("对象", "an object")
        }
    }
}

/// A JSON syntax or encoding error at a position in the text.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var message: String
}
