/// What a paste did to a ``LineEditor``, for the status line.
///
/// `editor.paste("第一行\n第二行").summary // "已粘贴7个字，1处换行改为空格"` (single-line field)
public struct PasteResult: Hashable, Sendable {
    /// Characters inserted.
    public var inserted: Int
    /// Line breaks that became spaces (a single-line field keeps the lines side by side).
    public var lineBreaksJoined: Int
    /// Characters left out because the field holds at most `maxLength`.
    public var dropped: Int
    /// Control characters removed (tabs became spaces and are not counted).
    public var controlsRemoved: Int

    public init(inserted: Int = 0, lineBreaksJoined: Int = 0, dropped: Int = 0, controlsRemoved: Int = 0) {
        self.inserted = inserted
        self.lineBreaksJoined = lineBreaksJoined
        self.dropped = dropped
        self.controlsRemoved = controlsRemoved
    }

    /// True when the text went in exactly as pasted.
    public var isVerbatim: Bool { lineBreaksJoined == 0 && dropped == 0 && controlsRemoved == 0 }

    /// "已粘贴12个字", plus what changed: "，3处换行改为空格", "，超出长度上限未粘贴5个字",
    /// "，去掉2个控制字符".
    public var summary: String {
        var text = "已粘贴\(inserted)个字"
        if lineBreaksJoined > 0 { text += "，\(lineBreaksJoined)处换行改为空格（此栏只有一行）" }
        if dropped > 0 { text += "，超出长度上限未粘贴\(dropped)个字" }
        if controlsRemoved > 0 { text += "，去掉\(controlsRemoved)个控制字符" }
        return text
    }
}

extension LineEditor {
    /// Inserts pasted text at the cursor in one step (time linear in the text and the field:
    /// 2,000 characters take well under a millisecond) and says what it changed. A multi-line
    /// field keeps line breaks ("\r\n" and "\r" become "\n"); a single-line field joins the
    /// lines with one space each (a run of line breaks is one space; at either end of the paste
    /// it only separates the pasted text from text next to the cursor), so nothing typed is lost
    /// and nothing spills into another field. Tabs become spaces, other control
    /// characters are removed, and text beyond `maxLength` is left out (counted in `dropped`).
    /// The result is also kept in ``lastPaste``.
    @discardableResult
    public mutating func paste(_ pasted: String) -> PasteResult {
        var result = PasteResult()
        var clean = ""
        clean.reserveCapacity(pasted.utf8.count)
        var breaksPending = 0
        var cleanCount = 0
        let characters = Array(text)
        let spaceBefore = position == 0 || characters[position - 1].isWhitespace
        let spaceAfter = position == count || characters[position].isWhitespace
        for character in pasted {
            if character.isNewline {
                if multiline {
                    clean.append("\n")
                    cleanCount += 1
                } else {
                    breaksPending += 1
                    result.lineBreaksJoined += 1
                }
                continue
            }
            var next = character
            if character == "\t" {
                next = " "
            } else if Self.isControl(character) {
                result.controlsRemoved += 1
                continue
            }
            if breaksPending > 0 {
                // Lines are joined by one space, and a break at the start keeps the pasted text
                // apart from what is before the cursor.
                let before = cleanCount > 0 ? clean.last != " " : !spaceBefore
                if before && next != " " {
                    clean.append(" ")
                    cleanCount += 1
                }
                breaksPending = 0
            }
            clean.append(next)
            cleanCount += 1
        }
        if breaksPending > 0 && cleanCount > 0 && clean.last != " " && !spaceAfter {
            clean.append(" ")
            cleanCount += 1
        }
        if let maxLength {
            let room = Swift.max(0, maxLength - count)
            if cleanCount > room {
                result.dropped = cleanCount - room
                clean = String(clean.prefix(room))
                cleanCount = room
            }
        }
        if cleanCount > 0 {
            let before = count
            replace(position..<position, with: clean)
            result.inserted = count - before
        }
        lastPaste = result
        return result
    }
}
