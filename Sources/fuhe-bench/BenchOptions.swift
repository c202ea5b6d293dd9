import Foundation

/// Command-line options of `fuhe-bench`.
struct BenchOptions {
    var dossiers = 2_000
    var indicators = 60
    var items = 20_000
    var runs = 7
    /// Folder for the store; nil = a temporary folder removed at the end.
    var dir: String?
    /// Only the merge figure (`--merge-only`), for working on it.
    var mergeOnly = false
    /// Only the import of 100 dossiers (`--import-only`), for working on it.
    var importOnly = false
    /// Only `fuhe check` and `fuhe verify` of the store (`--check-only`), for working on them.
    var checkOnly = false
    /// Only the data path of issue 14 §5 (`--data-only`): stored JSON, import, rescore all, check, verify, merge.
    var dataOnly = false
    /// Only scoring (`--rescore-only`): rescore all, score one first time, rescore after an edit.
    var rescoreOnly = false
    /// Only the document figures (`--documents-only`): 意见书, 通报, XLSX ledger.
    var documentsOnly = false
    /// Only the cycle views of issue 13 (`--cycle-only`).
    var cycleOnly = false
    /// Only the workstation (`--workstation-only`): unit pages, first screen, keys, paste, memory.
    var workstationOnly = false
    /// Only report intake: its accuracy table and speed (`--intake`).
    var intake = false
    /// Folder of the intake fixtures (`expected-facts.json`, `reports/`).
    var fixtures = "Tests/FuheIntakeTests/Fixtures"

    static let usage = """
        usage: fuhe-bench [--dossiers N] [--indicators N] [--items N] [--runs N] [--dir PATH] [--merge-only] [--import-only] [--documents-only] [--check-only] [--data-only] [--rescore-only] [--cycle-only] [--workstation-only]
               fuhe-bench --intake [--fixtures DIR] [--runs N]

          --dossiers N    dossiers in the synthetic store (default 2000)
          --indicators N  scored leaf indicators per dossier, at least 12 (default 60)
          --items N       rectification items in the whole store (default 20000)
          --runs N        repetitions of each measurement (default 7)
          --dir PATH      keep the store in PATH (reused when it already holds one) instead of a temp folder
          --merge-only    build or reuse the store, then time only the merge of a copy
          --import-only   build or reuse the store, then time only importing 100 dossiers (decode + importDossiers)
          --check-only    build or reuse the store, then time only fuhe check and fuhe verify of it
          --data-only     build or reuse the store, then time only stored JSON (beside Foundation's), import,
                          rescore all, check, verify and merge
          --rescore-only  build or reuse the store, then time only scoring: rescore all, score one dossier the
                          first time, rescore after one edit
          --documents-only  build or reuse the store, then time only the documents (意见书, 通报, XLSX ledger)
          --cycle-only    build or reuse the store, then time only the cycle views (blockers, batch, sort, findings, items, dashboard, palette, years)
          --workstation-only  build or reuse the store, then time only the workstation: unit pages, first screen, keys, paste, memory
          --intake        report intake only: the accuracy table against the hand-made facts and
                          the time to read a 50 KB report and a 2 MB page into drafts
          --fixtures DIR  intake fixtures (default Tests/FuheIntakeTests/Fixtures, from the repository root)
        """

    /// Parses `arguments` (without the program name); nil with a message on bad input.
    static func parse(_ arguments: [String]) -> Result<BenchOptions, BenchUsageError> {
        var o = BenchOptions()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "-h" || flag == "--help" { return .failure(BenchUsageError(message: nil)) }
            if flag == "--merge-only" { o.mergeOnly = true; continue }
            if flag == "--import-only" { o.importOnly = true; continue }
            if flag == "--documents-only" { o.documentsOnly = true; continue }
            if flag == "--check-only" { o.checkOnly = true; continue }
            if flag == "--data-only" { o.dataOnly = true; continue }
            if flag == "--rescore-only" { o.rescoreOnly = true; continue }
            if flag == "--cycle-only" { o.cycleOnly = true; continue }
            if flag == "--workstation-only" { o.workstationOnly = true; continue }
            if flag == "--intake" { o.intake = true; continue }
            guard let value = rest.popFirst() else { return .failure(BenchUsageError(message: "\(flag) needs a value")) }
            switch flag {
            case "--dir":
                o.dir = value
                continue
            case "--fixtures":
                o.fixtures = value
                continue
            case "--dossiers", "--indicators", "--items", "--runs":
                guard let n = Int(value), n >= 0 else {
                    return .failure(BenchUsageError(message: "\(flag) expects a whole number, found \"\(value)\""))
                }
                switch flag {
                case "--dossiers": o.dossiers = n
                case "--indicators": o.indicators = n
                case "--items": o.items = n
                default: o.runs = n
                }
            default:
                return .failure(BenchUsageError(message: "unknown option \(flag)"))
            }
        }
        if o.dossiers < 1 { return .failure(BenchUsageError(message: "--dossiers must be at least 1")) }
        if o.indicators < 12 { return .failure(BenchUsageError(message: "--indicators must be at least 12 (4 × 3 groups)")) }
        if o.runs < 1 { return .failure(BenchUsageError(message: "--runs must be at least 1")) }
        return .success(o)
    }
}

/// A bad command line (nil message = help was asked for).
struct BenchUsageError: Error {
    var message: String?
}
