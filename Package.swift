// swift-tools-version:6.1
import Foundation
import PackageDescription

/// CI builds with warnings as errors (.ci/run sets LOADGEN_WARNINGS_AS_ERRORS=1), so a warning cannot land; local
/// builds only show them. Applied to the project's own Swift targets, never to dependencies.
let strict: [SwiftSetting] =
    ProcessInfo.processInfo.environment["LOADGEN_WARNINGS_AS_ERRORS"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let package = Package(
    name: "loadgen",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "TargetService", targets: ["TargetService"]),
        .executable(name: "targetservice", targets: ["targetservice"]),
        .library(name: "LoadCore", targets: ["LoadCore"]),
        .library(name: "LoadGen", targets: ["LoadGen"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Chaos", targets: ["Chaos"]),
        .executable(name: "loadgen", targets: ["loadgen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // libjpeg behind a setjmp error manager: Swift cannot setjmp, and libjpeg's default handler calls exit().
        .target(
            name: "CJPEG",
            linkerSettings: [.linkedLibrary("jpeg")]
        ),
        // libcurl for control-plane HTTP (http actions, admin calls to staging, canary writes, recovery probes):
        // system CA store, proxies, client certificates and HTTP/2 come with it. Typed wrappers stand in for
        // curl_easy_setopt/getinfo, which are variadic and so not callable from Swift.
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .target(
            name: "TargetService",
            dependencies: [
                "CJPEG",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // HTTP/1 parse errors (HTTPParserError), in a body or before a request, are answered with a JSON 400.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // The model registry (and later service data) lives in SQLite.
                .product(name: "GRDB", package: "GRDB.swift"),
                // The web pages are Mustache templates shipped as resources, like the report's.
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            // The detector is optimised even in debug builds: unoptimised it is ~30x slower, which would make the
            // bit-exactness tests against OpenCV take minutes.
            swiftSettings: strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(
            name: "targetservice",
            dependencies: [
                "TargetService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The run's vocabulary without I/O: error codes and the one definition of outcomes and the error rate.
        .target(
            name: "LoadCore",
            dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: strict
        ),
        // Scenario model and YAML loading, arrival schedules, the HTTP load engine, checks, SLAs and the runner.
        .target(
            name: "LoadGen",
            dependencies: [
                "LoadCore",
                "Reports",
                "Chaos",
                "CCurl",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            // The engine's state is confined to one event loop per worker, so the runtime's dynamic exclusivity
            // checks only cost time on the hot path (they showed up as ~3 % of a max-throughput profile). Debug
            // builds keep them to catch mistakes in tests.
            swiftSettings: strict + [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Faults (one file each behind one protocol), the Toxiproxy-compatible fault proxy, fault scheduling with
        // TTLs and the state file that `loadgen chaos reset` reads.
        .target(
            name: "Chaos",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            swiftSettings: strict
        ),
        // The results store (SQLite) and everything rendered from it: HTML report, JSON summary.
        // Report templates are Mustache files shipped as resources, so the HTML can be changed without touching Swift.
        .target(
            name: "Reports",
            dependencies: [
                "LoadCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "loadgen",
            dependencies: [
                "LoadCore",
                "LoadGen",
                "Reports",
                "Chaos",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LoadGenTests",
            dependencies: [
                "LoadGen",
                "Reports",
                "Chaos",
                "TestSupport",
                // End-to-end tests read the results file of a running (or killed) loadgen read-only.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // Temporary directories, polling and a manual clock: one copy for every test target.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        // Headless Chromium and the test-artifacts folder, shared by the browser tests of the report and the web pages.
        .target(
            name: "BrowserTestSupport",
            path: "Tests/BrowserTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "LoadCoreTests",
            dependencies: ["LoadCore", "TestSupport", .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ChaosTests",
            dependencies: [
                "Chaos",
                "TestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports",
                "BrowserTestSupport",
                "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            // Golden files are read from the source tree at test time (so re-recording needs no rebuild).
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TargetServiceTests",
            dependencies: [
                "TargetService",
                "BrowserTestSupport",
                "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ]
)
