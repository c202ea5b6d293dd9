/// The packed words (``Letters``) of the characters of many keys, kept compactly: each distinct
/// word once, and per character its number among them — two bytes while there are at most
/// 65,536 distinct words (a list's keys share a few thousand), four beyond. The keys of 20,000
/// unit names take about 1 MB here instead of 4 MB as a word a character.
final class KeyWords: Sendable {
    let words: [UInt64]
    private let narrow: [UInt16]
    private let wide: [UInt32]

    /// Numbers given as two bytes (`wide` empty) or as four (`narrow` empty).
    init(words: [UInt64], narrow: [UInt16], wide: [UInt32]) {
        self.words = words
        self.narrow = narrow
        self.wide = wide
    }

    /// The word of character `position` (counted over every key of this storage).
    @inline(__always) func word(at position: Int) -> UInt64 {
        wide.isEmpty ? words[Int(narrow[position])] : words[Int(wide[position])]
    }
}

/// Collects the words of the keys being built into one ``KeyWords``: numbers of two bytes
/// until a 65,537th distinct word needs four (no wider array made and dropped on the way).
struct KeyWordsBuilder {
    private var words: [UInt64] = []
    private var numberOf: [UInt64: UInt32] = [:]
    private var narrow: [UInt16] = []
    private var wide: [UInt32] = []
    private var isWide = false

    init(characters: Int) {
        narrow.reserveCapacity(characters)
    }

    /// Characters appended so far.
    var count: Int { isWide ? wide.count : narrow.count }

    mutating func append(_ word: UInt64) {
        let number: UInt32
        if let known = numberOf[word] {
            number = known
        } else {
            number = UInt32(words.count)
            words.append(word)
            numberOf[word] = number
        }
        if !isWide && number > UInt32(UInt16.max) {
            wide = narrow.map(UInt32.init)
            narrow = []
            isWide = true
        }
        if isWide { wide.append(number) } else { narrow.append(UInt16(number)) }
    }

    func finish() -> KeyWords { KeyWords(words: words, narrow: isWide ? [] : narrow, wide: isWide ? wide : []) }
}

/// One key's words: `count` characters of a ``KeyWords`` from `start`.
struct KeyLetters: RandomAccessCollection, Sendable {
    let storage: KeyWords
    let start: Int
    let count: Int

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always) subscript(offset: Int) -> UInt64 {
        precondition(offset >= 0 && offset < count, "character offset out of the key")
        return storage.word(at: start + offset)
    }
}
