/// The clock of a replay: which recorded keys are due, at a chosen speed, with pause and step.
/// Pauses longer than `maxGap` (recorded milliseconds) are shortened to it, so a trainer's
/// talking time does not stall the replay. Pure: the caller says how much real time passed.
///
/// ```swift
/// var player = ReplayPlayer(events: record.events, speed: 2)
/// for event in player.advance(by: 16) { workstation.handle(KeyName.key(named: event.key)!) }
/// ```
public struct ReplayPlayer: Sendable {
    /// The speeds `+` and `-` step through.
    public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8]

    public let events: [SessionEvent]
    /// Index of the next event to play.
    public private(set) var position = 0
    public private(set) var speed: Double
    public private(set) var paused = false
    /// Each event's time on the replay's timeline (gaps shortened), in recorded milliseconds.
    private let times: [Double]
    private var now: Double = 0

    public init(events: [SessionEvent], speed: Double = 1, maxGap: Int = 3000) {
        self.events = events
        self.speed = max(0.05, speed)
        var t: [Double] = []
        var previous = 0
        for e in events {
            t.append((t.last ?? 0) + Double(min(e.ms - previous, max(0, maxGap))))
            previous = e.ms
        }
        times = t
    }

    public var isFinished: Bool { position >= events.count }

    /// Lets `milliseconds` of real time pass; returns the events that became due, in order.
    public mutating func advance(by milliseconds: Double) -> [SessionEvent] {
        guard !paused else { return [] }
        now += max(0, milliseconds) * speed
        var due: [SessionEvent] = []
        while position < events.count, times[position] <= now {
            due.append(events[position])
            position += 1
        }
        return due
    }

    /// Real milliseconds until the next event is due; nil when paused or finished.
    public var untilNext: Double? {
        guard !paused, position < events.count else { return nil }
        return max(0, (times[position] - now) / speed)
    }

    public mutating func togglePause() { paused.toggle() }

    /// While paused: the next event, with the clock moved to it.
    public mutating func step() -> SessionEvent? {
        guard paused, position < events.count else { return nil }
        now = times[position]
        position += 1
        return events[position - 1]
    }

    /// The next faster speed of `speeds`.
    public mutating func faster() { speed = Self.speeds.first { $0 > speed } ?? speed }

    /// The next slower speed of `speeds`.
    public mutating func slower() { speed = Self.speeds.last { $0 < speed } ?? speed }
}
