import TermCore

/// The escape sequences a frame needs: cursor movement, attributes and colours, the cursor's
/// visibility — each only when the terminal's state differs from what is wanted.
extension ScreenWriter {
    /// Moves the cursor to (`x`, `y`): nothing when it is there, `\r` to the start of its own
    /// row, else `cup` (written directly when it is the ANSI one, else kept per position).
    mutating func move(to x: Int, _ y: Int) {
        if let cursor, cursor.y == y {
            if cursor.x == x { return }
            if x == 0 {
                bytes.append(0x0D)
                self.cursor = (0, y)
                return
            }
        }
        switch capabilities.cursorAddress {
        case .ansi:
            bytes.append(0x1B)
            bytes.append(0x5B)
            appendDecimal(y + 1)
            bytes.append(0x3B)
            appendDecimal(x + 1)
            bytes.append(0x48)
        case .terminfo(let address):
            let key = y << 16 | x
            if let kept = cursorMoves[key] {
                bytes += kept
            } else {
                let made = address(y, x)
                cursorMoves[key] = made
                bytes += made
            }
        }
        cursor = (x, y)
    }

    private mutating func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        bytes.append(UInt8(0x30 + value % 10))
    }

    /// Sets the terminal's attributes and colours to `style`'s: `sgr0` when one must go off
    /// (then the rest on again), `op` when a colour goes back to the terminal's own.
    mutating func setStyle(_ style: Style) {
        let capabilities = self.capabilities
        var wanted: UInt8 = 0
        if style.bold { wanted |= TerminalCapabilities.Attributes.bold }
        if style.reverse { wanted |= TerminalCapabilities.Attributes.reverse }
        if style.underline { wanted |= TerminalCapabilities.Attributes.underline }
        if style.dim { wanted |= TerminalCapabilities.Attributes.dim }
        wanted &= attributeMask
        var foreground: Int8 = -1, background: Int8 = -1
        if capabilities.colorsEnabled, style.foreground != nil || style.background != nil {
            let defaults: (Int8, Int8) = capabilities.defaultColors ? (-1, -1) : (Int8(TermColor.white.rawValue), Int8(TermColor.black.rawValue))
            foreground = style.foreground.map { Int8($0.rawValue) } ?? defaults.0
            background = style.background.map { Int8($0.rawValue) } ?? defaults.1
            wanted &= ~capabilities.noColorVideo
        }
        if wanted == attributes && foreground == colors.foreground && background == colors.background { return }
        // A colour back to the terminal's own takes `op`, or `sgr0` where there is none.
        let colorOff = (foreground < 0 && colors.foreground >= 0) || (background < 0 && colors.background >= 0)
        if attributes & ~wanted != 0 || (colorOff && capabilities.originalColors.isEmpty) {
            bytes += capabilities.exitAttributes
            attributes = 0
            colors = (-1, -1)
        }
        let on = wanted & ~attributes
        if on != 0 {
            if on & TerminalCapabilities.Attributes.bold != 0 { bytes += capabilities.bold }
            if on & TerminalCapabilities.Attributes.reverse != 0 { bytes += capabilities.reverse }
            if on & TerminalCapabilities.Attributes.underline != 0 { bytes += capabilities.underline }
            if on & TerminalCapabilities.Attributes.dim != 0 { bytes += capabilities.dim }
            attributes = wanted
        }
        if (foreground < 0 && colors.foreground >= 0) || (background < 0 && colors.background >= 0) {
            bytes += capabilities.originalColors
            colors = (-1, -1)
        }
        if foreground != colors.foreground {
            bytes += capabilities.foreground[Int(foreground)]
            colors.foreground = foreground
        }
        if background != colors.background {
            bytes += capabilities.background[Int(background)]
            colors.background = background
        }
    }

    /// Back to the terminal's own attributes and colours (the end of every frame).
    mutating func resetAttributes() {
        guard attributes != 0 || colors != (-1, -1) else { return }
        bytes += capabilities.exitAttributes.isEmpty ? capabilities.originalColors : capabilities.exitAttributes
        attributes = 0
        colors = (-1, -1)
    }

    /// Shows the cursor at `position` when it is on the screen (text editing), else hides it.
    mutating func placeCursor(_ position: (x: Int, y: Int)?) {
        if let position, position.x >= 0, position.y >= 0, position.x < size.width, position.y < size.height {
            move(to: position.x, position.y)
            if cursorVisible != true {
                bytes += capabilities.showCursor
                cursorVisible = true
            }
        } else if cursorVisible != false {
            bytes += capabilities.hideCursor
            cursorVisible = false
        }
    }
}
