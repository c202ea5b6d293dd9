#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TermCore

/// Reading keys: one `poll` of the keyboard and the signals' self-pipe, one `read` of what the
/// keyboard has, ``KeyDecoder`` for sequences and pastes, ncurses asked only after a signal (a
/// resize), and Ctrl-Z suspending at its place among the keys.
extension CursesTerminal {
    /// The next key within `timeoutMilliseconds` (negative = wait as long as it takes), or nil
    /// on timeout, after a termination signal or a hangup of the terminal (both make
    /// ``terminationRequested`` true), or after ``shutdown()``. Characters and escape sequences
    /// are decoded by ``KeyDecoder`` (keypad mode is off: ncurses never splits a sequence it does
    /// not know); a sequence already begun is always read to its end, even past the timeout.
    /// A resize arrives as `.resize` with the new size.
    ///
    /// Ctrl-Z (and SIGTSTP from outside) suspends: the terminal is given back and the process
    /// group stops until `fg`; then the screen is repainted and `.resize` with the current size
    /// is returned so the caller draws a whole frame. Keys with no ``KeyEvent`` are skipped.
    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        let deadline = timeoutMilliseconds < 0 ? nil : Self.milliseconds() + timeoutMilliseconds
        while isActive && !terminationRequested {
            let suspendRequested = fuhe_take_suspend_request() != 0
            let continued = fuhe_take_continued() != 0
            if suspendRequested || continued, let key = resumed(suspending: suspendRequested) { return key }
            let pending = decoder.isPending
            // A signal came or ncurses just returned something: take what it holds (a resize)
            // without waiting — unless a character's first bytes wait for their rest here.
            if asksCurses && partDeadline == nil {
                // ncurses refreshes a touched window before reading, which would paint its
                // blank window over the frame; a resize touches it. Mark it untouched (nothing
                // is sent).
                if is_wintouched(window) { wnoutrefresh(window) }
                wtimeout(window, 0)
                var code: wint_t = 0
                let status = wget_wch(window, &code)
                if status == ERR {
                    asksCurses = false
                    if !pending, let deadline, Self.milliseconds() >= deadline { return nil }
                    continue
                }
                if status == KEY_CODE_YES {
                    if Int32(truncatingIfNeeded: code) == KEY_RESIZE {
                        let now = currentSize()
                        lastSize = now
                        return .resize(width: now.width, height: now.height)
                    }
                    if !pending, let key = KeyDecoder.event(isFunctionKey: true, code: UInt32(code)) { return key }
                    continue
                }
                if let key = take(decoder.feed(.code(UInt32(code)))) { return key }
                continue
            }
            // Sleep until a key, a signal (the handlers write to a pipe this waits on too) or the
            // timeout — no periodic wake-ups — then read all the keyboard has in one read.
            let start = Self.milliseconds()
            var wait = pending ? decoder.pendingTimeoutMilliseconds : deadline.map { max(0, $0 - start) } ?? -1
            if let partDeadline {
                let left = max(0, partDeadline - start)
                wait = wait < 0 ? left : min(wait, left)
            }
            let ready = fuhe_wait_input(STDIN_FILENO, Int32(clamping: wait))
            if ready & FUHE_WAIT_WOKEN != 0 { asksCurses = true }
            if ready & (FUHE_WAIT_INPUT | FUHE_WAIT_HUNG_UP) != 0 {
                if let key = readInput() { return key }
                continue
            }
            if ready & FUHE_WAIT_WOKEN != 0 { continue }
            // Timed out: a character's rest that did not come, an escape sequence that did not
            // go on, or the caller's timeout.
            let now = Self.milliseconds()
            if let partDeadline, now >= partDeadline {
                fuhe_drop_input_part()
                self.partDeadline = nil
                continue
            }
            if pending {
                if let key = take(decoder.feed(.timeout)) { return key }
                continue
            }
            if deadline.map({ now < $0 }) ?? true { continue }
            return nil
        }
        return nil
    }

    /// Reads what the keyboard has in one `read` (``fuhe_read_input``: the code points ncurses
    /// would return one call at a time), decodes it and returns the first key; a hangup counts
    /// as SIGHUP.
    private func readInput() -> KeyEvent? {
        let count = inputCodes.withUnsafeMutableBufferPointer {
            Int(fuhe_read_input(STDIN_FILENO, $0.baseAddress, Int32($0.count)))
        }
        if count < 0 {
            fuhe_note_hangup()
            return nil
        }
        if fuhe_input_carries_a_part() == 0 {
            partDeadline = nil
        } else if partDeadline == nil {
            partDeadline = Self.milliseconds() + Self.continuationMilliseconds
        }
        guard count > 0 else { return nil }
        var keys: [KeyEvent] = []
        for index in 0..<count { keys += decoder.feed(.code(inputCodes[index])) }
        return take(keys)
    }

    /// Queues decoded keys (Ctrl-Z among them suspends at its place) and returns the first.
    private func take(_ decoded: [KeyEvent]) -> KeyEvent? {
        var keys = decoded
        if let suspend = keys.firstIndex(of: .ctrl("z")) {
            queuedKeys += keys[..<suspend]
            keys = Array(keys[(suspend + 1)...])
            if let key = resumed(suspending: true) { queuedKeys.append(key) }
        }
        queuedKeys += keys
        return queuedKeys.isEmpty ? nil : queuedKeys.removeFirst()
    }

    /// Suspends (when `suspending`; see ``suspend()``) or, after a stop from outside, just
    /// repaints; returns `.resize` with the current size so the caller draws a full frame, or
    /// nil when nothing happened (suspending is not possible here).
    private func resumed(suspending: Bool) -> KeyEvent? {
        if suspending && !suspend() { return nil }
        invalidate()
        let now = currentSize()
        lastSize = now
        return .resize(width: now.width, height: now.height)
    }

    /// Gives the terminal back and stops the process group (Ctrl-Z) until it is continued
    /// (`fg`); the next ``draw(_:)`` repaints everything. Returns false without stopping when
    /// the program leads its terminal session (nothing could continue it).
    @discardableResult
    public func suspend() -> Bool {
        guard isActive else { return false }
        let stopped = fuhe_curses_suspend() != 0
        _ = fuhe_take_continued()
        _ = fuhe_take_suspend_request()
        if stopped { invalidate() }
        return stopped
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
