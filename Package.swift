// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "skjenk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "skjenk", targets: ["skjenk"]),
        .executable(name: "skjenk-bench", targets: ["SkjenkBenchmarks"]),
        .library(name: "SkjenkCore", targets: ["SkjenkCore"]),
        .library(name: "SkjenkImport", targets: ["SkjenkImport"]),
        .library(name: "SkjenkStore", targets: ["SkjenkStore"]),
        .library(name: "SkjenkSQLite", targets: ["SkjenkSQLite"]),
        .library(name: "SkjenkPostgres", targets: ["SkjenkPostgres"]),
        .library(name: "SkjenkCompose", targets: ["SkjenkCompose"]),
        .library(name: "SkjenkApp", targets: ["SkjenkApp"]),
        .library(name: "SkjenkMail", targets: ["SkjenkMail"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // YAML for the district's policy file: a format people edit by hand, with comments, and
        // positions (line, column) for every value so errors can point at them.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Mustache templates the district edits without rebuilding (statements, replies, pages).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Zipping the .docx package (OOXML is a zip of XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web application: HTTP server, routing, testing; bcrypt for passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // SHA-256 for session tokens, API keys and the archive checksum: swift-crypto (BoringSSL),
        // already in the graph through hummingbird-auth, rather than a hand-written digest.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Hummingbird's logging API; the tests read what the server logs (InMemoryLogging).
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        // PostgreSQL for the city-wide deployment (issue 17): vapor's client, pooled, async/await.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The e-mail reminders' SMTP client (issue 18, item 4): no SMTP package is available, so a small
        // client is written on SwiftNIO, with swift-nio-ssl for STARTTLS; both already in the graph
        // through Hummingbird and postgres-nio.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // libxml2 from Debian's libxml2-dev; `.ci/run` installs it when missing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The domain model and pure logic: Foundation only, no I/O.
        .target(name: "SkjenkCore"),
        // Readers for hearing XML (and, later, registers).
        .target(
            name: "SkjenkImport",
            dependencies: ["SkjenkCore", "CLibXML2", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/hoering-1.xsd")]
        ),
        // The store interface (`AppStore` and the protocols it joins), its records and neutral errors:
        // no database library, so every engine implements it and every caller holds it.
        .target(name: "SkjenkStore", dependencies: ["SkjenkCore"]),
        // The embedded engine for one district: SQLite through GRDB, behind the store interface.
        .target(
            name: "SkjenkSQLite",
            dependencies: [
                "SkjenkCore", "SkjenkStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for binding the import's bulk inserts without per-value boxing.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The city-wide engine: PostgreSQL through postgres-nio, behind the same interface; no GRDB.
        .target(
            name: "SkjenkPostgres",
            dependencies: [
                "SkjenkCore", "SkjenkStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // E-mail: messages (MIME, RFC 2047) and an SMTP client with STARTTLS and AUTH, on SwiftNIO.
        .target(
            name: "SkjenkMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Documents from cases, assessments and the complaint log: charts (and, with issue 4, statements).
        .target(
            name: "SkjenkCompose",
            dependencies: [
                "SkjenkCore", "SkjenkTemplates", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The bundled templates (`Templates/`), shipped as resources; `--templates DIR` overrides them.
        .target(
            name: "SkjenkTemplates",
            path: "Templates",
            exclude: ["README.md"],
            resources: [.copy("statement"), .copy("web"), .copy("replies")]
        ),
        // The web application for the three roles, on Hummingbird.
        // The use cases both front ends call (issue 16): drafting, edits, exports, complaint intake, tokens.
        .target(
            name: "SkjenkApp",
            dependencies: [
                "SkjenkCore", "SkjenkImport", "SkjenkStore", "SkjenkCompose", "SkjenkMail",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        .target(
            name: "SkjenkWeb",
            dependencies: [
                "SkjenkCore", "SkjenkImport", "SkjenkStore", "SkjenkCompose", "SkjenkApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ]
        ),
        // Fixtures, an in-memory store and a fixed clock for the test targets.
        .target(
            name: "SkjenkTestSupport",
            dependencies: ["SkjenkCore", "SkjenkImport", "SkjenkStore", "SkjenkSQLite", "SkjenkPostgres"]
        ),
        // The command-line tool: thin commands over the libraries.
        .executableTarget(
            name: "skjenk",
            dependencies: [
                "SkjenkCore", "SkjenkImport", "SkjenkStore", "SkjenkSQLite", "SkjenkPostgres", "SkjenkCompose",
                "SkjenkApp", "SkjenkWeb", "SkjenkMail", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // `swift run -c release skjenk-bench`: import throughput against a raw libxml2 parse.
        .executableTarget(
            name: "SkjenkBenchmarks",
            dependencies: [
                "SkjenkCore", "SkjenkImport", "SkjenkStore", "SkjenkSQLite", "SkjenkPostgres", "SkjenkCompose", "SkjenkApp",
                "SkjenkWeb", "SkjenkTestSupport", "CLibXML2",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // Runs a program and reports its own peak memory, for the tests of hostile input.
        .executableTarget(name: "SkjenkProbe"),
        .testTarget(name: "SkjenkCoreTests", dependencies: ["SkjenkCore", "SkjenkTestSupport"]),
        .testTarget(
            name: "SkjenkImportTests",
            dependencies: ["SkjenkImport", "SkjenkTestSupport"]
        ),
        .testTarget(
            name: "SkjenkStoreTests",
            dependencies: [
                "SkjenkStore", "SkjenkSQLite", "SkjenkPostgres", "SkjenkTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "SkjenkAppTests",
            dependencies: [
                "SkjenkApp", "SkjenkImport", "SkjenkTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "SkjenkWebTests",
            dependencies: [
                "SkjenkWeb", "SkjenkApp", "SkjenkSQLite", "SkjenkImport", "SkjenkTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SkjenkComposeTests",
            dependencies: ["SkjenkCompose", "SkjenkTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Golden files, read by path so a deliberate change can be recorded in place.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SkjenkCLITests",
            dependencies: [
                "skjenk", "SkjenkProbe", "SkjenkTestSupport", "SkjenkSQLite", "SkjenkImport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
