import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
@testable import TargetService

/// Activation and rollback while two clients send detections without pause: no request fails, every answer is
/// from the old or the new version, and a request that starts after a switch has returned gets only the new one.
@Suite struct HotSwapTests {
    /// Where the test is; a request is stamped with the phase when it starts and when it ends.
    enum Phase: Int {
        case before = 0, activating, activated, rollingBack, rolledBack
    }

    struct Outcome: Sendable {
        var started: Int
        var ended: Int
        var status: Int
        var headerVersion: Int?
        var bodyVersion: Int?
    }

    /// What the client tasks share with the test (atomics and mutexes cannot be captured directly).
    final class SwapLog: Sendable {
        let phase = Atomic<Int>(Phase.before.rawValue)
        let stop = Atomic<Bool>(false)
        let outcomes = Mutex<[Outcome]>([])
    }

    @Test func activateAndRollbackUnderLoadLoseNothing() async throws {
        let data = try TemporaryDirectory()
        let cascade = try Fixtures.alt2CascadeBytes()
        let image = try Fixtures.bytes("images/chelsea.jpg")
        try await RunningService.withAdmin(data: data.path, workers: 2) { service in
            let upload = try await service.withClient { try await $0.admin("/admin/models/face/versions", body: cascade) }
            #expect(upload.status == .created)

            let log = SwapLog()
            let port = service.port
            let clients = (0..<2).map { _ in
                Task {
                    try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30))) {
                        client in
                        while !log.stop.load(ordering: .acquiring) {
                            let started = log.phase.load(ordering: .acquiring)
                            let response = try await client.post(
                                "/v1/detect", headers: DetectEndpointTests.jpeg, body: ByteBuffer(bytes: image))
                            let ended = log.phase.load(ordering: .acquiring)
                            let json = try? JSONSerialization.jsonObject(with: response.data) as? [String: Any]
                            let outcome = Outcome(
                                started: started, ended: ended, status: Int(response.status.code),
                                headerVersion: response.headers[.init("X-Model-Version")!].flatMap { Int($0) },
                                bodyVersion: json?["version"] as? Int)
                            log.outcomes.withLock { $0.append(outcome) }
                        }
                    }
                }
            }
            @Sendable func waitForAnswers(in wanted: Phase, count: Int = 4) async throws {
                try await waitUntil("\(count) answers in phase \(wanted)", within: .seconds(60), every: .milliseconds(10)) {
                    log.outcomes.withLock { list in
                        list.filter { $0.started == wanted.rawValue && $0.ended == wanted.rawValue }.count >= count
                    }
                }
            }
            do {
                try await waitForAnswers(in: .before)
                try await service.withClient { client in
                    log.phase.store(Phase.activating.rawValue, ordering: .releasing)
                    let activate = try await client.admin("/admin/models/face/activate?version=2")
                    #expect(activate.status == .ok, "\(activate.text)")
                    log.phase.store(Phase.activated.rawValue, ordering: .releasing)
                }
                try await waitForAnswers(in: .activated)
                try await service.withClient { client in
                    log.phase.store(Phase.rollingBack.rawValue, ordering: .releasing)
                    let rollback = try await client.admin("/admin/models/face/rollback")
                    #expect(rollback.status == .ok, "\(rollback.text)")
                    #expect(rollback.text.contains(#""active_version":"1""#))
                    log.phase.store(Phase.rolledBack.rawValue, ordering: .releasing)
                }
                try await waitForAnswers(in: .rolledBack)
            } catch {
                log.stop.store(true, ordering: .releasing)
                throw error
            }
            log.stop.store(true, ordering: .releasing)
            for client in clients { try await withTimeout(.seconds(30), "a client to stop") { try await client.value } }

            let all = log.outcomes.withLock { $0 }
            #expect(all.allSatisfy { $0.status == 200 }, "failures: \(all.filter { $0.status != 200 })")
            #expect(all.allSatisfy { $0.headerVersion == $0.bodyVersion })
            for outcome in all {
                let expected: Set<Int>
                switch (Phase(rawValue: outcome.started)!, Phase(rawValue: outcome.ended)!) {
                case (.before, .before), (.rolledBack, .rolledBack): expected = [1]
                case (.activated, .activated): expected = [2]
                default: expected = [1, 2]
                }
                #expect(expected.contains(outcome.bodyVersion ?? -1), "\(outcome)")
            }
        }
    }
}
