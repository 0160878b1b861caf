import Foundation
import Testing
@testable import LoadGen

@Suite struct TargetServiceExecutableTests {
    let here = URL(fileURLWithPath: "/project")

    private func locate(explicit: String? = nil, environment: [String: String] = [:], executables: Set<String>) throws -> URL {
        try TargetServiceExecutable.locate(
            explicit: explicit, environment: environment,
            executableDirectories: [URL(fileURLWithPath: "/opt/loadgen/bin")],
            currentDirectory: here, isExecutable: { executables.contains($0) }
        )
    }

    @Test func explicitPathComesFirst() throws {
        let found = try locate(
            explicit: "tools/targetservice", environment: ["LOADGEN_TARGETSERVICE": "/env/targetservice"],
            executables: ["/project/tools/targetservice", "/env/targetservice", "/opt/loadgen/bin/targetservice"]
        )
        #expect(found.path == "/project/tools/targetservice")
    }

    @Test func environmentComesBeforeTheSearch() throws {
        let found = try locate(
            environment: ["LOADGEN_TARGETSERVICE": "/env/targetservice"],
            executables: ["/env/targetservice", "/opt/loadgen/bin/targetservice"]
        )
        #expect(found.path == "/env/targetservice")
    }

    @Test func nextToTheRunningExecutableComesBeforeBuildDirectories() throws {
        let found = try locate(executables: ["/opt/loadgen/bin/targetservice", "/project/.build/release/targetservice"])
        #expect(found.path == "/opt/loadgen/bin/targetservice")
    }

    @Test func releaseBuildComesBeforeDebugBuild() throws {
        let both = try locate(executables: ["/project/.build/release/targetservice", "/project/.build/debug/targetservice"])
        #expect(both.path == "/project/.build/release/targetservice")
        let debugOnly = try locate(executables: ["/project/.build/debug/targetservice"])
        #expect(debugOnly.path == "/project/.build/debug/targetservice")
    }

    @Test func missingExplicitPathIsAnErrorNotAFallback() throws {
        let error = try #require(throws: BundledTargetError.self) {
            try locate(explicit: "/nowhere/targetservice", executables: ["/opt/loadgen/bin/targetservice"])
        }
        #expect(error.kind == .executableNotFound)
        #expect(error.description.hasPrefix("--targetservice /nowhere/targetservice: no executable file there."))
        #expect(error.description.contains("swift build -c release --product targetservice"))
    }

    @Test func nothingFoundSaysWhereItLookedAndHowToBuild() throws {
        let error = try #require(throws: BundledTargetError.self) { try locate(executables: []) }
        #expect(error.kind == .executableNotFound)
        #expect(
            error.description.contains(
                "/opt/loadgen/bin/targetservice, /project/.build/release/targetservice, /project/.build/debug/targetservice"))
        #expect(error.description.contains("`swift build -c release --product targetservice`"))
        #expect(error.description.contains("--targetservice PATH"))
    }
}
