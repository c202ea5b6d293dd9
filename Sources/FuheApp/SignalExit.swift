import FuheTerminal

/// The exit status a full-screen command owes after a termination signal: 128 + the signal
/// (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report a program killed by it.
/// The terminal is already restored when a runner returns.
public enum SignalExit {
    /// 128 + the termination signal that ended the last full-screen run, nil when none arrived.
    public static var status: Int32? {
        CursesTerminal.pendingTerminationSignal.map { 128 + $0 }
    }

    /// The exit status of a full-screen run that ended: 128 + a termination signal; else 130 when
    /// the user quit with Ctrl-C (read as a key, it means what SIGINT means); nil for `q`.
    public static func status(interruptedByKey: Bool) -> Int32? {
        status ?? (interruptedByKey ? 130 : nil)
    }
}
