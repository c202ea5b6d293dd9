import Foundation
import FuheApp
import FuheCore
import FuheStore
import FuheUI

// fuhe-bench: builds a synthetic store at the design's scale and times the operations the
// workstation depends on. Progress goes to stderr, the report to stdout. See docs/performance.md.

if CommandLine.arguments.dropFirst().first == "--server-load" {
    guard let load = ServerLoad.parse(Array(CommandLine.arguments.dropFirst())) else {
        FileHandle.standardError.write(Data((ServerLoad.usage + "\n").utf8))
        exit(2)
    }
    do { print(try ServerLoad.run(load)); exit(0) } catch {
        FileHandle.standardError.write(Data("fuhe-bench: \(error)\n".utf8))
        exit(1)
    }
}

// `fuhe-bench --workstation --store PATH`: the real workstation (`WorkstationRunner`, as
// `fuhe --store PATH` runs it) in this binary, so scripts/pty-bench.py can measure the release
// workstation without a release build of the whole CLI (its server libraries).
if CommandLine.arguments.dropFirst().first == "--workstation", CommandLine.arguments.count == 4, CommandLine.arguments[2] == "--store" {
    do {
        let store = try FuheStore.open(path: CommandLine.arguments[3], createIfMissing: false)
        let label = try StoreLabel.describing(store)
        let name = ProcessInfo.processInfo.environment["FUHE_USER"] ?? "bench"
        _ = try MainActor.assumeIsolated {
            try WorkstationRunner.run(store: store, options: .init(actor: Actor(name: name, role: .member), label: label))
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("fuhe-bench: \(error)\n".utf8))
        exit(1)
    }
}

let options: BenchOptions
switch BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let parsed):
    options = parsed
case .failure(let error):
    if let message = error.message { FileHandle.standardError.write(Data("fuhe-bench: \(message)\n".utf8)) }
    print(BenchOptions.usage)
    exit(error.message == nil ? 0 : 2)
}

if options.intake {
    do {
        print(try IntakeBenchmarks(fixtures: options.fixtures, runs: options.runs).report())
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("fuhe-bench: \(error)\n".utf8))
        exit(1)
    }
}

do {
    let setup = try BenchSetup(options: options)
    defer { setup.cleanUp() }
    var report = Report(facts: .current(), options: options, storePath: setup.storePath)
    let cpuBefore = processCPUSeconds()
    report.buildNanos = try setup.buildStore()
    if report.buildNanos != nil { report.buildCPUSeconds = processCPUSeconds() - cpuBefore }
    report.memory.append((report.buildNanos == nil ? "RSS before the measurements (VmRSS)" : "RSS after building (VmRSS)",
                          ResidentMemory.read().current))
    let peakReset = ResidentMemory.resetPeak()

    report.load.start = loadAverage()
    let store = try setup.openStore()
    let ids = Array(try store.dossierIDs().prefix(options.dossiers))
    if options.mergeOnly {
        let merge = try MergeBenchmarks(setup: setup, ids: ids).mergeCopy()
        report.measurements += [merge.total, merge.prepare, merge.commit]
        report.notes.append("merge: \(merge.fields) fields written, \(merge.conflicts) conflicts decided (--prefer copy)")
        print(report.render())
        exit(0)
    }
    if options.importOnly {
        let imports = try StoreBenchmarks(setup: setup, store: store, ids: ids).importBatch()
        report.measurements += [imports.total, imports.decode, imports.store]
        report.notes.append("import: \(imports.count) dossiers, \(format(Double(imports.jsonBytes) / 1e6)) MB of JSON, decode \(format(Double(imports.jsonBytes) / 1e6 / (imports.decode.median / 1000))) MB/s (median)")
        report.load.end = loadAverage()
        print(report.render())
        exit(0)
    }
    if options.dataOnly {
        let json = try DataPathBenchmarks(setup: setup, store: store, ids: ids).storedJSON()
        report.measurements += json.measurements
        report.notes += json.notes
        let storeBench = StoreBenchmarks(setup: setup, store: store, ids: ids)
        let imports = try storeBench.importBatch()
        report.measurements += [imports.total, imports.decode, imports.store]
        report.notes.append("import: \(imports.count) dossiers, \(format(Double(imports.jsonBytes) / 1e6)) MB of JSON, decode \(format(Double(imports.jsonBytes) / 1e6 / (imports.decode.median / 1000))) MB/s (median)")
        report.measurements.append(try ScoringBenchmarks(setup: setup, store: store, ids: ids).rescoreAll().0)
        let (check, verify) = try storeBench.checkAndVerify()
        report.measurements += [check, verify]
        let merge = try MergeBenchmarks(setup: setup, ids: ids).mergeCopy()
        report.measurements += [merge.total, merge.prepare, merge.commit]
        report.notes.append("merge: \(merge.fields) fields written, \(merge.conflicts) conflicts decided (--prefer copy)")
        report.load.end = loadAverage()
        print(report.render())
        exit(0)
    }
    if options.rescoreOnly {
        let scoring = ScoringBenchmarks(setup: setup, store: store, ids: ids)
        report.measurements.append(try scoring.rescoreAll().0)
        report.measurements.append(try scoring.scoreFirstTime())
        let (rescore, series) = try scoring.rescoreAfterEdit()
        report.measurements += [rescore, series]
        report.load.end = loadAverage()
        print(report.render())
        exit(0)
    }
    if options.checkOnly {
        let (check, verify) = try StoreBenchmarks(setup: setup, store: store, ids: ids).checkAndVerify()
        report.measurements += [check, verify]
        print(report.render())
        exit(0)
    }
    let documents = DocumentBenchmarks(setup: setup, store: store, ids: ids)
    func documentFigures() throws {
        report.measurements.append(try documents.reviewOpinion())
        report.measurements.append(try documents.cycleReport())
        let (ledger, items, peak) = try documents.ledgerWorkbook()
        report.measurements.append(ledger)
        report.memory.append(("peak RSS while writing the XLSX ledger of \(items) items (VmHWM, reset before)", peak))
        report.notes += try documents.throughBinary()
    }
    if options.documentsOnly {
        try documentFigures()
        print(report.render())
        exit(0)
    }
    if options.cycleOnly {
        report.measurements += try CycleBenchmarks.run(setup: setup)
        print(report.render())
        exit(0)
    }
    let storeBench = StoreBenchmarks(setup: setup, store: store, ids: ids)
    if options.workstationOnly {
        report.measurements.append(try storeBench.open())
        report.measurements += try storeBench.unitPages()
        let frames = FrameBenchmarks(setup: setup, store: store)
        report.measurements.append(try frames.firstScreen())
        var cells: [String] = []
        for pane in [PaneID.units, .sheet, .items] {
            for whole in [true, false] {
                let (moves, changed) = frames.cursorMoves(in: pane, whole: whole)
                report.measurements.append(moves)
                report.percentileNames.insert(moves.name)
                if !whole { cells.append("\(pane.rawValue) median \(changed.sorted()[changed.count / 2])") }
            }
        }
        report.measurements.append(frames.openDossier())
        report.measurements += frames.pasteFigures()
        report.notes.append("cells changed per cursor move: " + cells.joined(separator: ", "))
        report.memory.append(("peak RSS of the workstation figures (VmHWM)", ResidentMemory.read().peak))
        report.load.end = loadAverage()
        print(report.render())
        exit(0)
    }
    let scoring = ScoringBenchmarks(setup: setup, store: store, ids: ids)

    report.measurements.append(try storeBench.open())
    report.measurements.append(try storeBench.firstScreenData())
    let (list, overdueItems, overdueUnits) = try storeBench.unitList()
    report.measurements.append(list)
    report.measurements.append(try storeBench.loadDossier())
    let (rescore, series) = try scoring.rescoreAfterEdit()
    report.measurements += [rescore, series]
    report.percentileNames.insert(series.name)
    report.measurements.append(try scoring.scoreFirstTime())
    let checkedEdit = try storeBench.storeOneEdit()
    let blindEdit = try storeBench.storeOneEdit(checked: false)
    let casCheck = try storeBench.compareAndSetCheck()
    report.measurements += [checkedEdit, blindEdit, casCheck]
    report.notes.append("compare-and-set: the check alone \(format(casCheck.median)) µs median (p99 \(format(casCheck.percentile(99))) µs); "
                        + "edit with base − without: \(format((checkedEdit.median - blindEdit.median) * 1000)) µs (medians; dominated by fsync noise)")
    let following = FollowingBenchmarks(store: store, runs: options.runs)
    let poll = try following.idlePoll()
    report.measurements += [poll, try following.emptyFeed()]
    let idle = try following.idleShare()
    report.notes.append("following the store: one poll \(format(poll.median)) µs, i.e. \(format(poll.median * 4 / 10_000)) % of a core at 4 polls/s; "
                        + "a session idle for 5 s polling every 250 ms (\(idle.polls) polls, wake-ups included) used \(format(idle.cpuPercent)) % of a core")
    let frames = FrameBenchmarks(setup: setup, store: store)
    report.measurements.append(try frames.firstScreen())
    let (unitMoves, unitCells) = frames.cursorMoves(in: .units)
    let (sheetMoves, sheetCells) = frames.cursorMoves(in: .sheet)
    report.measurements += [unitMoves, sheetMoves]
    report.percentileNames.formUnion([unitMoves.name, sheetMoves.name])
    report.measurements.append(frames.openDossier())
    report.measurements.append(frames.acceptSuggestion())
    report.measurements += frames.pasteFigures()
    let medianCells = { (c: [Int]) in c.sorted()[c.count / 2] }
    report.notes.append("cells changed per cursor move at \(FrameBenchmarks.width)×\(FrameBenchmarks.height): unit list median \(medianCells(unitCells)), "
                        + "scoresheet median \(medianCells(sheetCells)) (bytes on the wire: scripts/pty-bench.py)")
    report.memory.append((peakReset ? "peak RSS of the interactive figures above (VmHWM, reset before them)"
                                    : "peak RSS so far (VmHWM; could not be reset before the interactive figures)", ResidentMemory.read().peak))

    try documentFigures()
    report.measurements += try CycleBenchmarks.run(setup: setup)
    let (all, loadNanos) = try scoring.rescoreAll()
    report.measurements.append(all)
    report.memory.append(("peak RSS with all \(ids.count) dossiers loaded (VmHWM)", ResidentMemory.read().peak))

    let (check, verify) = try storeBench.checkAndVerify()
    report.measurements += [check, verify]

    let imports = try storeBench.importBatch()
    report.measurements += [imports.total, imports.decode, imports.store]
    let jsonBytes = imports.jsonBytes
    let merge = try MergeBenchmarks(setup: setup, ids: ids).mergeCopy()
    report.measurements += [merge.total, merge.prepare, merge.commit]
    report.notes.append("merge: \(merge.fields) fields written, \(merge.conflicts) conflicts decided (--prefer copy)")
    report.memory.append(("peak RSS at the end (VmHWM)", ResidentMemory.read().peak))
    report.load.end = loadAverage()
    report.notes.append("loading all \(ids.count) dossiers for the rescore-all figure (not timed in it): "
                        + "\(format(Double(loadNanos) / 1e9)) s")
    report.notes.append("overdue on \(BenchSetup.today) (fixed clock): \(overdueItems) items in \(overdueUnits) units")
    report.notes.append("import JSON text: \(format(Double(jsonBytes) / 1_048_576)) MB per \(imports.count) dossiers")
    print(report.render())
} catch {
    FileHandle.standardError.write(Data("fuhe-bench: \(error)\n".utf8))
    exit(1)
}
