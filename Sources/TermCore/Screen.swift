/// A rectangle of terminal cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle shrunk by `by` cells on every side (a bordered box's inside).
    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }
}

/// Terminal colours (the 8 ANSI colours; `nil` in a `Style` means the terminal's default).
public enum TermColor: Int, Hashable, Sendable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell is drawn. Attributes alone (bold, reverse, underline, dim) must carry the meaning:
/// colours are dropped under `NO_COLOR` or on monochrome terminals.
///
/// Stored as 12 bits of one `UInt16` (four attributes, then each colour as 0 = the terminal's
/// default or its raw value + 1), so a style is compared, hashed and copied as one integer.
public struct Style: Hashable, Sendable {
    /// The packed attributes and colours (see the type's comment).
    public private(set) var bits: UInt16

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false,
                foreground: TermColor? = nil, background: TermColor? = nil) {
        bits = (bold ? Self.boldBit : 0) | (reverse ? Self.reverseBit : 0) | (underline ? Self.underlineBit : 0)
            | (dim ? Self.dimBit : 0) | Self.code(foreground) << Self.foregroundShift | Self.code(background) << Self.backgroundShift
    }

    public var bold: Bool {
        get { bits & Self.boldBit != 0 }
        set { set(Self.boldBit, newValue) }
    }
    public var reverse: Bool {
        get { bits & Self.reverseBit != 0 }
        set { set(Self.reverseBit, newValue) }
    }
    public var underline: Bool {
        get { bits & Self.underlineBit != 0 }
        set { set(Self.underlineBit, newValue) }
    }
    public var dim: Bool {
        get { bits & Self.dimBit != 0 }
        set { set(Self.dimBit, newValue) }
    }
    public var foreground: TermColor? {
        get { Self.color(bits >> Self.foregroundShift) }
        set { bits = bits & ~(0xF << Self.foregroundShift) | Self.code(newValue) << Self.foregroundShift }
    }
    public var background: TermColor? {
        get { Self.color(bits >> Self.backgroundShift) }
        set { bits = bits & ~(0xF << Self.backgroundShift) | Self.code(newValue) << Self.backgroundShift }
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)

    private static let boldBit: UInt16 = 1, reverseBit: UInt16 = 2, underlineBit: UInt16 = 4, dimBit: UInt16 = 8
    private static let foregroundShift: UInt16 = 4, backgroundShift: UInt16 = 8

    @inline(__always)
    private mutating func set(_ bit: UInt16, _ on: Bool) { bits = on ? bits | bit : bits & ~bit }

    @inline(__always)
    private static func code(_ color: TermColor?) -> UInt16 { color.map { UInt16($0.rawValue + 1) } ?? 0 }

    @inline(__always)
    private static func color(_ code: UInt16) -> TermColor? {
        let c = Int(code & 0xF)
        return c == 0 ? nil : TermColor(rawValue: c - 1)
    }
}
