import Foundation
import Testing
@testable import LoadGen

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the real `targetservice` binary (built next to the test bundle by `swift build --build-tests`) and small
/// shell stand-ins for the failure paths. Serialized: each test starts processes on a shared, small machine.
@Suite(.serialized) struct BundledReplicasTests {
    static let fixtureImage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TargetServiceTests/Fixtures/images/astronaut.jpg")

    private func isGone(_ pid: Int32) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    @Test func twoReplicasShareOnePortServeDetectionsAndStopCleanly() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let spec = BundledTarget(replicas: 2, model: "face", workers: 1, readyTimeout: .seconds(60))
        let replicas = try await withTimeLimit(.seconds(90)) {
            try await BundledReplicas.start(spec, executable: executable, log: { _ in })
        }
        let pids = replicas.processIDs
        let directories = replicas.dataDirectories
        #expect(pids.count == 2)
        #expect(Set(pids).count == 2)
        for pid in pids { #expect(kill(pid, 0) == 0) }
        for directory in directories {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("models.json").path))
        }
        #expect(replicas.baseURL.hasPrefix("http://127.0.0.1:"))

        let port = try #require(URLComponents(string: replicas.baseURL)?.port)
        let client = LoopbackHTTPClient(port: port, timeout: .seconds(30))
        // Several connections, so with SO_REUSEPORT both replicas are all but certain to take some.
        for _ in 0..<6 { #expect(try client.get("/readyz").status == 200) }
        let image = try [UInt8](Data(contentsOf: Self.fixtureImage))
        let detected = try client.send(method: "POST", path: "/v1/detect", headers: [("Content-Type", "image/jpeg")], body: image)
        #expect(detected.status == 200)
        let json = String(decoding: detected.body, as: UTF8.self)
        #expect(json.contains("\"detections\""))
        #expect(json.contains("\"model\":\"face\"") || json.contains("\"model\" : \"face\""))

        try await withTimeLimit(.seconds(30)) { await replicas.stop() }
        for pid in pids { #expect(isGone(pid), "replica \(pid) still exists after stop()") }
        for directory in directories { #expect(!FileManager.default.fileExists(atPath: directory.path)) }
        // A second stop is harmless.
        try await withTimeLimit(.seconds(5)) { await replicas.stop() }
    }

    @Test func replicaThatCannotStartIsReportedWithItsStderr() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let spec = BundledTarget(replicas: 2, workers: 0, readyTimeout: .seconds(60))
        let error = try await withTimeLimit(.seconds(90)) {
            try await #require(throws: BundledTargetError.self) {
                try await BundledReplicas.start(spec, executable: executable, log: { _ in })
            }
        }
        #expect(error.kind == .replicaExited)
        #expect(
            error.description.hasPrefix("bundled replica 1 of 2 exited during start-up (exit code 64). Its last stderr lines:"))
        #expect(error.description.contains("--workers must be at least 1 (got 0)."))
        #expect(error.description.contains("Fix what it reports"))
    }

    @Test func unknownModelFailsBeforeAnythingStarts() async throws {
        let spec = BundledTarget(replicas: 1, model: "eye")
        let error = try await #require(throws: BundledTargetError.self) {
            try await BundledReplicas.start(spec, executable: URL(fileURLWithPath: "/nonexistent/targetservice"), log: { _ in })
        }
        #expect(error.kind == .unknownModel)
        #expect(error.description.contains("face, face-alt2, face-lbp, fullbody, cat"))
    }

    @Test func replicaThatNeverBecomesReadyTimesOutAndIsStopped() async throws {
        let directory = try TemporaryDirectory()
        // Binds nothing and never logs "models loaded": it can only time out.
        let stuck = try directory.script(
            "stuck-service",
            """
            echo http://127.0.0.1:9
            echo "loading cascades, slowly" >&2
            echo $$ > "\(directory.url.path)/pid"
            exec sleep 60
            """)
        let spec = BundledTarget(replicas: 1, readyTimeout: .seconds(2))
        let error = try await withTimeLimit(.seconds(30)) {
            try await #require(throws: BundledTargetError.self) {
                try await BundledReplicas.start(spec, executable: stuck, log: { _ in })
            }
        }
        #expect(error.kind == .notReady)
        #expect(error.description.contains("bundled replica 1 of 1 was not ready within"))
        #expect(error.description.contains("it never logged \"models loaded\""))
        #expect(error.description.contains("    loading cascades, slowly"))
        #expect(error.description.contains("Raise target.bundled.ready_timeout"))
        let pidText = try String(contentsOf: directory.url.appendingPathComponent("pid"), encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(isGone(pid))
    }

    @Test func stopKillsAReplicaThatIgnoresSIGTERM() async throws {
        let directory = try TemporaryDirectory()
        // An ignored signal stays ignored across exec, so `sleep` shrugs off SIGTERM.
        let stubborn = try directory.script("stubborn-service", "trap '' TERM\necho started >&2\nexec sleep 60")
        let replica = ReplicaProcess.launch(number: 1, executable: stubborn, arguments: [], dataDirectory: directory.url)
        try await withTimeLimit(.seconds(10)) {
            while replica.stderrTail.lines.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        }
        let pid = try #require(replica.processID)
        try await withTimeLimit(.seconds(20)) { await BundledReplicas.stop([replica], timeout: .milliseconds(300)) }
        #expect(replica.phase == .exited(pid: pid, reason: "signal 9"))
        #expect(isGone(pid))
    }
}
