import Foundation

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC: not affected by wall-clock changes).
func monotonicNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// CPU time of this process so far (user + system, all threads), seconds.
func processCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU time of the whole process (user + system, every thread) in nanoseconds: on a shared
/// machine the wall time includes waiting for a core, the CPU time does not.
func processCPUNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Runs `body` once and returns its result with the elapsed nanoseconds.
func timed<T>(_ body: () throws -> T) rethrows -> (value: T, nanos: UInt64) {
    let start = monotonicNanos()
    let value = try body()
    return (value, monotonicNanos() - start)
}

/// How a figure is printed.
enum TimeUnit: String {
    case milliseconds = "ms"
    case microseconds = "µs"
    case seconds = "s"

    func value(ofNanos nanos: Double) -> Double {
        switch self {
        case .milliseconds: nanos / 1_000_000
        case .microseconds: nanos / 1_000
        case .seconds: nanos / 1_000_000_000
        }
    }
}

/// The timings of one measured operation, repeated; reported as median with min/max.
struct Measurement {
    var name: String
    var unit: TimeUnit
    /// Nanoseconds per run.
    var samples: [UInt64]
    /// What one run does, for the table's last column.
    var note: String
    /// Process CPU nanoseconds per run (empty when not recorded).
    var cpuSamples: [UInt64] = []

    init(name: String, unit: TimeUnit, samples: [UInt64], note: String = "", cpuSamples: [UInt64] = []) {
        self.name = name
        self.unit = unit
        self.samples = samples
        self.note = note
        self.cpuSamples = cpuSamples
    }

    /// Median CPU time per run, in `unit`; nil when not recorded.
    var cpuMedian: Double? {
        cpuSamples.isEmpty ? nil : Measurement(name: name, unit: unit, samples: cpuSamples).median
    }

    private var sorted: [UInt64] { samples.sorted() }

    /// Median (mean of the middle two for an even count), in `unit`.
    var median: Double {
        let s = sorted
        guard !s.isEmpty else { return 0 }
        let mid = s.count / 2
        let nanos = s.count % 2 == 1 ? Double(s[mid]) : (Double(s[mid - 1]) + Double(s[mid])) / 2
        return unit.value(ofNanos: nanos)
    }

    var min: Double { unit.value(ofNanos: Double(sorted.first ?? 0)) }
    var max: Double { unit.value(ofNanos: Double(sorted.last ?? 0)) }

    /// Nearest-rank percentile (0…100), in `unit`.
    func percentile(_ p: Double) -> Double {
        let s = sorted
        guard !s.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(s.count)).rounded(.up))
        return unit.value(ofNanos: Double(s[Swift.min(Swift.max(rank, 1), s.count) - 1]))
    }
}

/// Repeats `body` `runs` times; `prepare` runs before each repetition outside the timing and
/// hands its value to `body`. What `body` returns is kept until after the clock stops (so closing
/// a store, for instance, is not timed).
func measure<P, R>(_ name: String, unit: TimeUnit, runs: Int, note: String = "",
                   prepare: (Int) throws -> P, _ body: (Int, P) throws -> R) rethrows -> Measurement {
    var samples: [UInt64] = []
    var cpu: [UInt64] = []
    samples.reserveCapacity(runs)
    for run in 0..<runs {
        let input = try prepare(run)
        let cpuStart = processCPUNanos()
        let start = monotonicNanos()
        let kept = try body(run, input)
        samples.append(monotonicNanos() - start)
        cpu.append(processCPUNanos() - cpuStart)
        withExtendedLifetime(kept) {}
    }
    let m = Measurement(name: name, unit: unit, samples: samples, note: note, cpuSamples: cpu)
    Progress.say("\(name): median \(format(m.median)) \(unit.rawValue), CPU \(format(m.cpuMedian ?? 0)) \(unit.rawValue)")
    return m
}

/// `measure` without a preparation step.
func measure<R>(_ name: String, unit: TimeUnit, runs: Int, note: String = "",
                _ body: (Int) throws -> R) rethrows -> Measurement {
    try measure(name, unit: unit, runs: runs, note: note, prepare: { _ in () }, { run, _ in try body(run) })
}

/// A number with a sensible count of decimals for the table.
func format(_ value: Double) -> String {
    let decimals = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3
    return String(format: "%.\(decimals)f", value)
}

/// Progress lines on stderr (stdout carries only the report).
enum Progress {
    static func say(_ text: String) {
        FileHandle.standardError.write(Data("[fuhe-bench] \(text)\n".utf8))
    }
}

/// Keeps computed values observable so the optimizer cannot drop the measured work.
struct Sink {
    private(set) var checksum = 0
    mutating func consume(_ value: Int) { checksum &+= value }
}
