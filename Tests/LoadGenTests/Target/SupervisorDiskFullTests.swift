import Chaos
import Foundation
import Testing
@testable import LoadGen

/// Real bundled replicas on size-limited tmpfs data directories, with `disk_full` injected through their
/// `ReplicaControl`: detections keep working, feedback gets 503, and both recover once the fault is reverted.
/// Mounting needs root.
@Suite(.serialized) struct SupervisorDiskFullTests {
    static let fixtureImage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TargetServiceTests/Fixtures/images/astronaut.jpg")

    static func feedback(_ number: Int) -> [UInt8] {
        Array(#"{"name":"Ada","email":"ada@example.com","message":"\#(String(repeating: "x", count: 1_500)) \#(number)"}"#.utf8)
    }

    @Test func diskFullOnABundledReplicaRefusesWritesKeepsDetectingAndRecovers() async throws {
        try #require(geteuid() == 0, "mounting the replicas' data directories on a tmpfs needs root")
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let spec = BundledTarget(replicas: 1, model: "face", workers: 1, readyTimeout: .seconds(60))
        let replicas = try await withTimeLimit(.seconds(90)) {
            try await BundledReplicas.start(spec, executable: executable, log: { _ in })
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("loadgen-test-\(UUID().uuidString)")
        let stateFile = ChaosStateFile(url: scratch.appendingPathComponent("chaos-state.json"))
        defer { try? FileManager.default.removeItem(at: scratch) }
        let mounts = try await withTimeLimit(.seconds(90)) {
            try await replicas.mountDataDirectories(sizeBytes: 32 << 20, stateFile: stateFile)
        }
        #expect(mounts.map(\.directory.path) == [replicas.dataDirectory(ofReplica: 1).path])
        #expect(try stateFile.entries().map(\.record.fault) == [DataDirectoryMount.recordName])

        let port = try #require(URLComponents(string: replicas.baseURL)?.port)
        let client = LoopbackHTTPClient(port: port, timeout: .seconds(30))
        let json = [("Content-Type", "application/json")]
        #expect(try client.send(method: "POST", path: "/v1/feedback", headers: json, body: Self.feedback(0)).status == 201)

        let environment = FaultEnvironment(
            replicas: replicas, duration: .seconds(60), expiresAt: Date().timeIntervalSince1970 + 60)
        let undo = try await DiskFullFault(parameters: FaultParameters([:], location: "chaos[0].fault.disk_full")).inject(
            into: environment)
        var refused: LoopbackHTTPClient.Response?
        for number in 1...200 {
            let response = try client.send(method: "POST", path: "/v1/feedback", headers: json, body: Self.feedback(number))
            if response.status != 201 { refused = response; break }
        }
        let response = try #require(refused, "200 writes to a full data directory all succeeded")
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self).contains("data_directory_full"))
        let image = try [UInt8](Data(contentsOf: Self.fixtureImage))
        #expect(
            try client.send(method: "POST", path: "/v1/detect", headers: [("Content-Type", "image/jpeg")], body: image).status
                == 200)

        try await undo.revert()
        #expect(try client.send(method: "POST", path: "/v1/feedback", headers: json, body: Self.feedback(999)).status == 201)

        try await withTimeLimit(.seconds(30)) { await replicas.stop() }
        try replicas.unmountDataDirectories(mounts, stateFile: stateFile)
        #expect(try stateFile.entries().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: mounts[0].directory.path))
    }
}
