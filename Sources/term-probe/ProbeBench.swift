#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FuheTerminal
import TermCore

/// Draws `frames` full screens of a Chinese table, one row changing per frame (as a cursor
/// move does), then prints draw time (mean, p99) and bytes per frame after leaving the screen.
@MainActor
func runBench(frames: Int) -> Int32 {
    let terminal: CursesTerminal
    do { terminal = try CursesTerminal() } catch {
        printError("term-probe: \(error)")
        return 1
    }
    let size = terminal.size
    var times: [Double] = []
    var bytes: [Int] = []
    let first = terminal.draw(table(size, selected: 0))
    for frame in 1...max(1, frames) {
        let buffer = table(size, selected: frame % max(1, size.height))
        let start = now()
        bytes.append(terminal.draw(buffer))
        times.append(now() - start)
    }
    terminal.shutdown()
    times.sort()
    let mean = times.reduce(0, +) / Double(times.count)
    let p99 = times[min(times.count - 1, times.count * 99 / 100)]
    let meanBytes = bytes.reduce(0, +) / bytes.count
    print("bench \(size.width)×\(size.height): first frame \(first) B; \(frames) frames:"
        + " draw mean \(format(mean)) ms, p99 \(format(p99)) ms, \(meanBytes) B/frame")
    return 0
}

@MainActor
private func table(_ size: (width: Int, height: Int), selected: Int) -> ScreenBuffer {
    var buffer = ScreenBuffer(width: size.width, height: size.height)
    for y in 0..<size.height {
        let style = y == selected ? Style(reverse: true) : Style(foreground: y % 2 == 0 ? .green : nil)
        let row = "\(y + 1) 绥宁县黄土矿镇人民政府 2020 部门整体支出 90.00 → 88.00 良 未办理政府采购手续 补办采购手续 "
        buffer.put(String(repeating: row, count: 4), x: 0, y: y, style: style)
    }
    return buffer
}

private func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1_000_000
}

private func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}
