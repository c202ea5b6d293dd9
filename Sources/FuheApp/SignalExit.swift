import FuheTerminal

/// The exit status a full-screen command owes after a termination signal: 128 + the signal
/// (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP), as shells report a program killed by it.
/// The terminal is already restored when a runner returns.
public enum SignalExit {
    /// 128 + the termination signal that ended the last full-screen run, nil when none arrived.
    public static var status: Int32? {
        CursesTerminal.pendingTerminationSignal.map { 128 + $0 }
    }
}
