import Foundation
import Testing
@testable import TargetService

/// The registry on disk: the catalog seeds version 1 once, files are stored by name and version, and everything
/// survives reopening.
@Suite struct ModelRegistryTests {
    @Test func seedsTheCatalogOnceAndKeepsItAcrossRestarts() async throws {
        let data = try TemporaryDirectory()
        do {
            let registry = try ModelRegistry(dataDirectory: data.path)
            try await registry.seed(from: RunningService.versionOneCatalog)
            let versions = try await registry.versions(of: "face")
            #expect(versions.map(\.version) == [1])
            #expect(versions.first?.cascadePath == "models/face/1/cascade.xml")
            let stored = try #require(FileManager.default.contents(atPath: "\(data.path)/models/face/1/cascade.xml"))
            #expect(SHA256.hex(stored) == versions.first?.cascadeSha256)
            #expect(try await registry.activeVersions() == ["face": 1])
        }
        let reopened = try ModelRegistry(dataDirectory: data.path)
        try await reopened.seed(from: RunningService.versionOneCatalog)
        #expect(try await reopened.versions(of: "face").map(\.version) == [1])
        #expect(try await reopened.activationHistory(of: "face") == [1])
    }

    @Test func storesNewVersionsWithTheNextNumber() async throws {
        let data = try TemporaryDirectory()
        let registry = try ModelRegistry(dataDirectory: data.path)
        try await registry.seed(from: RunningService.versionOneCatalog)
        let record = try await registry.store(
            name: "face", label: "face", cascade: Array("<x/>".utf8),
            parameters: DetectionParameters(scaleFactor: 1.2, minNeighbors: 5))
        #expect(record.version == 2)
        #expect(record.state == .start)
        let versions = try await registry.versions(of: "face")
        #expect(versions.last?.parameters == DetectionParameters(scaleFactor: 1.2, minNeighbors: 5))
        #expect(FileManager.default.fileExists(atPath: "\(data.path)/models/face/2/cascade.xml"))
    }

    @Test func withoutADataDirectoryServesCatalogFilesInPlace() async throws {
        let registry = try ModelRegistry(dataDirectory: nil)
        try await registry.seed(from: RunningService.versionOneCatalog)
        let record = try #require(try await registry.versions(of: "face").first)
        #expect(registry.resolvedPath(record) == Fixtures.faceCascade)
        await #expect(throws: RegistryError.self) {
            _ = try await registry.store(name: "face", label: "face", cascade: [], parameters: DetectionParameters())
        }
    }
}
