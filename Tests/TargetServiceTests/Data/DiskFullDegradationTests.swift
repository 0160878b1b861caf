import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// A full or read-only data directory: detections keep working (lost log entries are counted in /metrics),
/// writes answer 503 saying what to do with a Retry-After, and the service recovers by itself once space returns.
/// The full case runs on a real size-limited tmpfs, which needs root.
@Suite(.serialized) struct DiskFullDegradationTests {
    static let isRoot = geteuid() == 0

    static func feedback(_ number: Int) -> ByteBuffer {
        let object = ["name": "Ada", "email": "ada@example.com", "message": String(repeating: "x", count: 1_500) + " \(number)"]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    /// Runs `mount`/`umount` (the test target does not link the chaos code that mounts data directories).
    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Fills the file system under `directory` with one file until ENOSPC; returns the file.
    static func fill(_ directory: String, name: String) -> String {
        let path = directory + "/" + name
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(descriptor) }
        let chunk = [UInt8](repeating: 7, count: 1 << 16)
        var size = chunk.count
        while size > 0 {
            if chunk.withUnsafeBytes({ write(descriptor, $0.baseAddress, size) }) <= 0 { size /= 8 }
        }
        return path
    }

    @Test func fullDataDirectoryKeepsDetectingRefusesWritesWith503AndRecovers() async throws {
        try #require(Self.isRoot, "this test mounts a 16 MiB tmpfs as the data directory, which needs root")
        let data = try TemporaryDirectory()
        #expect(try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", data.path]) == 0)
        defer { _ = try? Self.run("/bin/umount", ["-l", data.path]) }
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.withAdmin(data: data.path) { service in
            try await service.withClient { client in
                let json: HTTPFields = [.contentType: "application/json"]
                #expect(try await client.post("/v1/feedback", headers: json, body: Self.feedback(0)).status == .created)
                let filler = Self.fill(data.path, name: "filler")

                // Pages SQLite already holds may take a few more rows; a bounded number of writes must hit the limit.
                var refused: TestClient.Response?
                for number in 1...200 {
                    let response = try await client.post("/v1/feedback", headers: json, body: Self.feedback(number))
                    if response.status != .created { refused = response; break }
                }
                let response = try #require(refused, "200 writes to a full data directory all succeeded")
                // Take whatever SQLite gave back when the write failed, so the detection log cannot write either.
                let topUp = Self.fill(data.path, name: "filler-2")
                #expect(response.status == .serviceUnavailable, "\(response.text)")
                #expect(try DetectEndpointTests.errorCode(response) == "data_directory_full")
                #expect(response.text.contains("the data directory is full; free space on it"))
                #expect(response.headers[.retryAfter] == "5")

                for _ in 0..<3 {
                    #expect(
                        try await client.post("/v1/detect", headers: DetectEndpointTests.jpeg, body: ByteBuffer(bytes: image))
                            .status == .ok)
                }
                // Flushed here or by the writer's own tick, whichever comes first: the entries are lost and counted.
                _ = try? await service.service.detectionLog.flush()
                let metrics = try await client.get("/metrics").text
                let prefix = #"targetservice_detection_log_dropped_total{reason="write_failed"} "#
                let line = metrics.split(separator: "\n").first { $0.hasPrefix(prefix) }
                let dropped = line.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
                #expect(dropped > 0, "\(metrics)")

                unlink(filler)
                unlink(topUp)
                #expect(try await client.post("/v1/feedback", headers: json, body: Self.feedback(999)).status == .created)
                #expect(
                    try await client.post("/v1/detect", headers: DetectEndpointTests.jpeg, body: ByteBuffer(bytes: image)).status
                        == .ok)
                _ = try await service.service.detectionLog.flush()
                #expect(try await service.service.detectionLog.stored().count == 1)
            }
        }
    }

    @Test func sqliteAndFileSystemErrorsAreClassified() {
        #expect(DataDirectoryCondition.of(DatabaseError(resultCode: .SQLITE_FULL)) == .full)
        #expect(DataDirectoryCondition.of(DatabaseError(resultCode: .SQLITE_READONLY_DBMOVED)) == .readOnly)
        #expect(DataDirectoryCondition.of(DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
        #expect(DataDirectoryCondition.of(POSIXError(.ENOSPC)) == .full)
        #expect(DataDirectoryCondition.of(POSIXError(.EROFS)) == .readOnly)
        #expect(
            DataDirectoryCondition.of(
                CocoaError(
                    .fileWriteOutOfSpace, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))]
                )) == .full)
    }

    @Test func aReadOnlyDataDirectoryAnswers503SayingSo() throws {
        let error = StorageFailure("cannot store feedback", condition: .readOnly).serviceError(doing: "store feedback")
        #expect(error.status == .serviceUnavailable)
        #expect(error.code == .dataDirectoryReadOnly)
        #expect(
            error.message
                == "cannot store feedback: the data directory is read-only; remount it read-write and retry. Detections keep working."
        )
        #expect(error.headers[.retryAfter] == "5")
        #expect(StorageFailure("boom", condition: nil).serviceError(doing: "x").status == .internalServerError)
    }

    @Test func probeReadsAReadOnlyMount() throws {
        try #require(Self.isRoot, "this test mounts a read-only tmpfs, which needs root")
        let directory = try TemporaryDirectory()
        #expect(try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", directory.path]) == 0)
        defer { _ = try? Self.run("/bin/umount", ["-l", directory.path]) }
        #expect(DataDirectoryCondition.probe(directory.path) == .readOnly)
        #expect(DataDirectoryCondition.probe(FileManager.default.temporaryDirectory.path) == nil)
    }
}
