// swift-tools-version:6.0
import PackageDescription

// Module layout and dependency direction: see README "Design". Dependencies point down:
// scorecard → Job → {Store, Reports, Demo} → {Postgres, CoA, Scoring, ReportModel} → {XML, Domain} → C libraries.
let package = Package(
    name: "supplier-scorecard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scorecard", targets: ["scorecard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "Domain"),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")]),
        .target(name: "XML", dependencies: ["CLibXML2"]),
        .target(name: "CoA", dependencies: ["XML", "Domain"], resources: [.copy("Resources")]),
        .target(name: "Scoring", dependencies: ["Domain"]),
        // What the pages show, as the run stored it: Store reads it, Reports renders it and reads nothing else.
        .target(name: "ReportModel", dependencies: ["Domain"]),
        .target(
            name: "Store",
            dependencies: [
                "Postgres", "CoA", "Scoring", "Domain", "ReportModel",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "Reports",
            dependencies: ["Domain", "ReportModel", .product(name: "Mustache", package: "swift-mustache")]),
        .target(name: "Demo", dependencies: ["Postgres", "Domain"]),
        .target(
            name: "Job",
            dependencies: [
                "Store", "Reports", "ReportModel", "Demo", "CoA", "Scoring", "Postgres",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "scorecard",
            dependencies: [
                "Job", "Postgres", "Demo", "Domain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Benchmark helper for scripts/bench-copy (not part of the product).
        .executableTarget(
            name: "copy-bench",
            dependencies: [
                "Store", "CoA", "Domain", "Postgres", .product(name: "Logging", package: "swift-log"),
            ]),
        // Starts a throwaway PostgreSQL cluster (scripts/pgcluster) for integration tests.
        .target(
            name: "TestSupport",
            dependencies: ["Postgres", .product(name: "Logging", package: "swift-log")],
            path: "Tests/TestSupport"),
        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "XMLTests", dependencies: ["XML"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CoATests", dependencies: ["CoA", "XML", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Domain", "TestSupport"]),
        // The SQL readers and writers of Store against a throwaway cluster.
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Scoring", "ReportModel", "Postgres", "Domain", "CoA", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "ReportModel", "Domain"]),
        .testTarget(name: "DemoTests", dependencies: ["Demo", "Domain"]),
        // Job's parts that need no database: batches, inbox names and scanning, shards, the log format.
        .testTarget(name: "JobUnitTests", dependencies: ["Job", "Domain", "TestSupport"]),
        // The job end to end against throwaway clusters: runs, faults, intake, reprocess, check-coa.
        .testTarget(
            name: "JobTests",
            dependencies: [
                "Job", "Store", "Demo", "Postgres", "TestSupport", "Scoring", "CoA", "Reports", "ReportModel",
            ]),
    ],
    swiftLanguageModes: [.v6]
)
