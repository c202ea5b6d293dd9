/// One terminal cell. A wide character occupies its cell (`width` 2) and the next one, a
/// continuation cell (`width` 0) that draws nothing.
///
/// A plain value of 8 bytes without references (`_isPOD`), so a buffer's cells are copied,
/// compared and filled as integers: the character is kept as its scalar when it is one scalar
/// (nearly every cell), or as the number of a grapheme cluster of several scalars in
/// ``GraphemeTable`` (a process-wide, append-only table), with the high bit set.
public struct Cell: Hashable, Sendable {
    /// The character's scalar value, or `clusterFlag | n` for cluster `n` of ``GraphemeTable``.
    public private(set) var code: UInt32
    public var style: Style
    public var width: UInt8
    /// Always 0: the cell has no padding bytes, so equal cells are equal bytes.
    private var spare: UInt8 = 0

    static let clusterFlag: UInt32 = 0x8000_0000

    /// The ASCII characters, made once: most cells are ASCII, and making a `Character` from a
    /// scalar for every cell read costs several times a look-up.
    private static let asciiCharacters: [Character] = (0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }

    public init(_ character: Character = " ", width: UInt8 = 1, style: Style = .plain) {
        code = Self.code(of: character)
        self.style = style
        self.width = width
    }

    /// A cell of one scalar (what `init(_:width:style:)` makes for a one-scalar character),
    /// without making a `Character`.
    @inline(__always)
    public init(scalar: Unicode.Scalar, width: UInt8 = 1, style: Style = .plain) {
        code = scalar.value
        self.style = style
        self.width = width
    }

    public var character: Character {
        get {
            if code < 0x80 { return Self.asciiCharacters[Int(code)] }
            if code & Self.clusterFlag == 0 { return Character(Unicode.Scalar(code).unsafelyUnwrapped) }
            return GraphemeTable.shared.cluster(Int(code & ~Self.clusterFlag))
        }
        set { code = Self.code(of: newValue) }
    }

    /// The character's one scalar, nil when it is a cluster of several.
    @inline(__always)
    public var scalar: Unicode.Scalar? {
        code & Self.clusterFlag == 0 ? Unicode.Scalar(code) : nil
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }

    /// Appends the cell's character to `text` (a one-scalar character without making a `Character`).
    @inline(__always)
    func append(to text: inout String) {
        if code & Self.clusterFlag == 0 {
            text.unicodeScalars.append(Unicode.Scalar(code).unsafelyUnwrapped)
        } else {
            text.append(character)
        }
    }

    private static func code(of character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return only.value }
        return clusterFlag | UInt32(GraphemeTable.shared.number(of: character))
    }

    /// Equal as their characters are (`Character`'s `==`: canonical equivalence), widths and styles.
    public static func == (lhs: Cell, rhs: Cell) -> Bool {
        guard lhs.width == rhs.width, lhs.style == rhs.style else { return false }
        if lhs.code == rhs.code { return true }
        // Two different scalars of these ranges are never canonically equivalent; any other pair
        // (a cluster, U+212B and U+00C5, U+037E and ";", compatibility ideographs…) is compared as
        // characters.
        if lhs.code < 0x300 && rhs.code < 0x300 { return false }
        if isUnifiedIdeograph(lhs.code) && isUnifiedIdeograph(rhs.code) { return false }
        return lhs.character == rhs.character
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(character)
        hasher.combine(width)
        hasher.combine(style)
    }

    @inline(__always)
    private static func isUnifiedIdeograph(_ code: UInt32) -> Bool { code >= 0x4E00 && code <= 0x9FFF }
}
