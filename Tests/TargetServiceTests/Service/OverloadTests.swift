import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import TargetService

/// A gate a worker thread blocks on until the test opens it: occupies the pool deterministically, no timing.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait() }
    func open(_ count: Int = 1) { for _ in 0..<count { semaphore.signal() } }
}

@Suite struct OverloadTests {
    @Test func poolRefusesAtOnceWhenWorkersAndQueueAreFull() async throws {
        let pool = DetectionWorkerPool(workers: 1, queueDepth: 1)
        let gate = Gate()
        let blockers = Task {
            async let first: Void = try pool.run { gate.wait() }
            async let second: Void = try pool.run { gate.wait() }
            _ = try await (first, second)
        }
        // Opened however the test ends, so no worker thread is left blocked.
        defer { gate.open(2) }
        // Admission comes before the worker thread picks the job up: wait for both facts.
        try await waitUntil("both jobs admitted, one running", within: .seconds(60), every: .milliseconds(10)) {
            pool.currentLoad.admitted == 2 && pool.currentLoad.running == 1
        }
        #expect(pool.currentLoad.running == 1)
        #expect(pool.currentLoad.queued == 1)
        await #expect(throws: WorkerPoolError.overloaded) { try await pool.run { 42 } }
        gate.open(2)
        try await blockers.value
        #expect(try await pool.run { 42 } == 42)
        await pool.shutdown()
    }

    /// With one worker busy and the one queue slot taken, detect requests are shed with 503 + Retry-After at once,
    /// while health, readiness and metrics keep answering.
    @Test func fullQueueShedsDetectRequestsFastWhileHealthAnswers() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        try await RunningService.with(configure: {
            $0.workers = 1; $0.queueDepth = 1
        }) { service in
            let pool = service.service.pool
            let gate = Gate()
            let blockers = Task {
                async let a: Void = try pool.run { gate.wait() }
                async let b: Void = try pool.run { gate.wait() }
                _ = try await (a, b)
            }
            // Opened however the test ends, so no worker thread is left blocked.
            defer { gate.open(2) }
            try await waitUntil("the pool to fill", within: .seconds(60), every: .milliseconds(10)) {
                pool.currentLoad.admitted == 2
            }

            let clock = ContinuousClock()
            try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?, Duration).self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await service.withClient { client in
                            let start = clock.now
                            let response = try await client.post(
                                "/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: image))
                            return (response.status, response.headers[.retryAfter], clock.now - start)
                        }
                    }
                }
                for try await (status, retryAfter, elapsed) in group {
                    #expect(status == .serviceUnavailable)
                    #expect(retryAfter == "1")
                    // Refused without waiting for a worker (the workers are blocked until the test opens the gate).
                    #expect(elapsed < .seconds(20))
                }
            }
            try await service.withClient { client in
                let start = clock.now
                #expect(try await client.get("/healthz").status == .ok)
                #expect(try await client.get("/readyz").status == .ok)
                let metrics = try await client.get("/metrics").text
                // Answered while every worker is blocked for good: any bound proves they did not wait for one.
                #expect(clock.now - start < .seconds(20))
                #expect(metrics.contains("targetservice_detect_shed_total 6"))
                #expect(metrics.contains("targetservice_detect_queue_depth 1"))
                #expect(metrics.contains("targetservice_detect_workers_busy 1"))
                #expect(metrics.contains(#"targetservice_http_requests_total{route="/v1/detect",method="POST",status="503"} 6"#))
                let shed = try await client.post(
                    "/v1/detect", headers: [.contentType: "image/jpeg"], body: ByteBuffer(bytes: image))
                let code = try JSONDecoder().decode(DetectEndpointTests.ErrorBody.self, from: shed.data).error.code
                #expect(code == "overloaded")
            }
            gate.open(2)
            try await blockers.value
        }
    }
}
