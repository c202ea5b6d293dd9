// swift-tools-version:6.1
import PackageDescription
import Foundation

/// This package's folder: the release `fuhe` links against `Sources/CCurlOnDemand/link`.
let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// The release `fuhe`'s link: static Swift runtime, lld, packed relative relocations, no exported symbols.
let releaseLinkFlags = [
    "-static-stdlib", "-use-ld=lld",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
]

let package = Package(
    name: "Fuhe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "fuhe", targets: ["fuhe"]),
        .executable(name: "fuhe-bench", targets: ["fuhe-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // ZIP for DOCX/XLSX packages (small, pure Swift over the system zlib): documents written, reports read.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // fuhe serve (docs/server.md): the HTTP server (Hummingbird 2, without its configuration
        // trait), bcrypt password hashes (hummingbird-auth's small C bcrypt only), PostgreSQL.
        // Lighter than Vapor; swift-nio-ssl, which postgres-nio needs anyway, gives TLS.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // SHA-256 for FuheStore's baseline digests (`fuhe verify`); postgres-nio builds it already.
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    ],
    targets: [
        // Domain model, exact decimals, scoring engine, validation, lifecycles. Foundation only.
        .target(name: "FuheCore"),
        // Display width, layout, tables, screen buffer, keys, line editor, pinyin/CJK text matching.
        // Nothing project-specific (Foundation only): the search's pinyin and 繁→简 readings are
        // given by the caller (`TextMatcher.Readings`; Fuhe passes FuheCore's `HanPinyin`).
        .target(name: "TermCore"),
        // The only C code: ncursesw with the wide-character API enabled (module map + shim).
        .target(name: "CNcursesw"),
        // The ncurses terminal backend: the only Swift code that calls ncurses.
        .target(name: "FuheTerminal", dependencies: ["TermCore", "CNcursesw"]),
        // A small program that exercises the backend in a real terminal (tmux tests).
        .executableTarget(name: "term-probe", dependencies: ["TermCore", "FuheTerminal"]),
        // The one way files the user names are written (refuse existing/databases, unnamed temporary
        // then link, mode 0600) and recognising database files without opening them. Foundation only.
        .target(name: "FuheFiles", dependencies: ["FuheCore"]),
        // JSON dossier exchange format and CSV ledger.
        .target(name: "FuheExchange", dependencies: ["FuheCore"]),
        // Report intake: published reports (text, GB18030, HTML, DOCX, PDF via pdftotext) read into
        // fuhe.draft/1 drafts with source spans, template proposals and arithmetic checks.
        .target(name: "FuheIntake", dependencies: [
            "FuheCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // SQLite store (GRDB): schema, repositories, journal, summaries. swift-crypto's SHA-256 for
        // the baselines' digests (`BaselineHasher`): already built for postgres-nio, so no new code
        // to compile; its assembly SHA-256 was the largest cost of `fuhe verify`.
        .target(name: "FuheStore", dependencies: [
            "FuheCore", "FuheFiles",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Bundled templates, grade schemes and sample dossiers (data files in Resources/).
        .target(
            name: "FuheResources",
            path: "Resources",
            exclude: ["README.md"],
            sources: ["ResourceFiles.swift"],
            resources: [.copy("templates"), .copy("samples"), .copy("lessons"), .copy("grade-schemes.json"), .copy("documents")]
        ),
        // Review documents: the DOCX template engine, the bundled 意见书/整改通知书/通报 templates,
        // the XLSX ledger, safe output files. XML is read and written by its own small code.
        .target(name: "FuheDocuments", dependencies: [
            "FuheCore", "FuheFiles", "FuheResources", "TermCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // Training: guided lessons (steps with declarative checks on the resulting state), the lesson
        // checker, and the session record format with its replay clock. Pure code, no terminal, no SQL.
        .target(name: "FuheTraining", dependencies: ["FuheCore", "TermCore"]),
        // The workstation: state, command registry, update logic, views rendering into a ScreenBuffer.
        // Never touches SQL or ncurses.
        .target(name: "FuheUI", dependencies: ["FuheCore", "TermCore", "FuheTraining"]),
        // Wiring: the store as the workstation's repository, bundled data, the terminal run loop.
        .target(name: "FuheApp", dependencies: [
            "FuheCore", "FuheExchange", "FuheStore", "FuheResources", "TermCore", "FuheUI", "FuheTerminal", "FuheTraining",
            "FuheDocuments", "FuheFiles", "FuheClient",
        ]),
        // The server's and the client's shared wire format (requests, answers, error bodies).
        .target(name: "FuheWire", dependencies: ["FuheCore"]),
        // fuhe serve: the main store in PostgreSQL (accounts, teams, row-level security), its HTTP
        // API, the change feed pushed by long-poll. Runs FuheCore's rules on every write.
        .target(name: "FuheServer", dependencies: [
            "FuheCore", "FuheWire",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // fuhe --server URL: the server as the workstation's repository (HTTP over Foundation's
        // URLSession, no extra package), the token file, the pushed change feed.
        .target(name: "FuheClient", dependencies: ["FuheCore", "FuheWire", "FuheUI"]),
        // Command-line commands (swift-argument-parser).
        .target(name: "FuheCLI", dependencies: [
            "FuheCore", "FuheExchange", "FuheIntake", "FuheStore", "FuheResources", "TermCore", "FuheApp", "FuheTraining", "FuheDocuments", "FuheFiles",
            "FuheServer", "FuheClient", "FuheWire",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libcurl loaded on the first request instead of at every start (release `fuhe` only;
        // see curl_on_demand.c).
        // FoundationNetworking's -lcurl resolves to an empty linker script in its `link` folder.
        .target(name: "CCurlOnDemand", exclude: ["link"],
                cSettings: [.define("FUHE_CURL_ON_DEMAND", .when(configuration: .release))],
                linkerSettings: [.unsafeFlags(["-L\(packageFolder)/Sources/CCurlOnDemand/link"], .when(configuration: .release))]),
        // The release `fuhe` links the Swift runtime and Foundation statically: a process start
        // without loading and relocating some twenty Swift libraries (docs/performance.md,
        // "Process start"). Release only: test bundles, which link this target too, link
        // Swift Testing and XCTest dynamically. libcurl is not loaded at start either (CCurlOnDemand).
        // Linked by lld (the toolchain's own) with relative relocations packed (DT_RELR: 30 KB instead
        // of 3.6 MB read at every start) and without exporting the program's 57,000 symbols, which
        // only the dynamic loader's look-ups read: 5 MB fewer resident pages (docs/performance.md,
        // "The executable's pages").
        .executableTarget(name: "fuhe", dependencies: ["FuheCLI", "CCurlOnDemand"],
                          swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
                          linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(configuration: .release))]),
        .executableTarget(name: "fuhe-bench", dependencies: [
            "FuheCore", "FuheIntake", "FuheExchange", "FuheStore", "FuheResources", "FuheApp", "FuheUI", "TermCore", "FuheDocuments", "FuheTerminal", "FuheFiles",
            "FuheClient", "FuheWire", "FuheServer",
        ]),
        // Fixtures shared by the test targets.
        .target(name: "FuheTestSupport", dependencies: ["FuheCore", "FuheExchange", "FuheStore", "FuheResources", "FuheApp", "FuheUI", "FuheTraining", "FuheDocuments",
                                                        "FuheIntake"]),
        .testTarget(name: "FuheCoreTests", dependencies: ["FuheCore"]),
        // TermCore's search tests read Han characters as Fuhe does: with FuheCore's tables.
        .testTarget(name: "TermCoreTests", dependencies: ["TermCore", "FuheCore"]),
        .testTarget(name: "FuheIntakeTests", dependencies: [
            "FuheIntake", "FuheCore", "FuheResources", "FuheExchange", "FuheStore", "FuheTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "FuheTerminalTests", dependencies: ["TermCore", "FuheTerminal", "term-probe", "FuheTestSupport"]),
        .testTarget(name: "FuheDocumentsTests", dependencies: [
            "FuheDocuments", "FuheFiles", "FuheCore", "FuheStore", "FuheResources", "FuheApp", "FuheTestSupport",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "FuheExchangeTests", dependencies: ["FuheExchange", "FuheResources", "FuheTestSupport"]),
        .testTarget(name: "FuheStoreTests", dependencies: [
            "FuheStore", "FuheFiles", "FuheExchange", "FuheResources", "FuheTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "FuheTrainingTests", dependencies: [
            "FuheTraining", "FuheApp", "FuheUI", "FuheStore", "FuheCore", "TermCore", "FuheTestSupport", "FuheResources",
        ]),
        .testTarget(name: "FuheUITests", dependencies: ["FuheUI", "FuheTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "FuheE2ETests", dependencies: ["fuhe", "FuheTestSupport", "FuheStore", "FuheCore"]),
        // Against a real PostgreSQL (FUHE_TEST_PG_URL) and the real `fuhe serve`.
        .testTarget(name: "FuheServerTests", dependencies: [
            "FuheServer", "FuheClient", "FuheWire", "FuheCore", "FuheStore", "fuhe", "FuheTestSupport",
        ]),
        .testTarget(name: "FuheCLITests", dependencies: [
            "FuheCLI", "fuhe", "FuheTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
