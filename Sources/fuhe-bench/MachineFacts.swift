import Foundation

/// Facts about the machine and the build, printed with the figures.
struct MachineFacts {
    var activeCores: Int
    var cores: Int
    var cpuModel: String
    var memory: UInt64
    var system: String
    var configuration: String

    static func current() -> MachineFacts {
        let info = ProcessInfo.processInfo
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        return MachineFacts(activeCores: info.activeProcessorCount, cores: info.processorCount, cpuModel: model,
                            memory: info.physicalMemory, system: info.operatingSystemVersionString,
                            configuration: configuration)
    }
}

/// The 1/5/15-minute load averages (other work on the machine skews the figures).
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    let parts = text.split(separator: " ").prefix(3)
    return parts.count == 3 ? parts.joined(separator: " ") : "n/a"
}

/// Resident memory of this process, from /proc/self/status (Linux).
enum ResidentMemory {
    /// (current VmRSS, peak VmHWM) in bytes; nil where the kernel does not report them.
    static func read() -> (current: UInt64?, peak: UInt64?) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (nil, nil) }
        func field(_ name: String) -> UInt64? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            let digits = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
            return digits.flatMap { UInt64($0) }.map { $0 * 1024 }
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// Resets the peak (VmHWM) to the current RSS; false when the kernel refuses.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do { try handle.write(contentsOf: Data("5".utf8)) } catch { return false }
        return true
    }

    static func megabytes(_ bytes: UInt64?) -> String {
        guard let bytes else { return "n/a" }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
