import Foundation
import Synchronization

/// Posts feedback with increasing sequence numbers at a steady rate (one at a time, so the ledger is in order)
/// and records which ones the service acknowledged with 201, and when. The messages carry a per-run address, so
/// the read-back finds exactly this run's writes and nothing else is touched.
final class CanaryWriter: Sendable {
    /// `canary-<token>@loadgen.invalid`: `.invalid` can never be a real mailbox (RFC 2606).
    let email: String
    private let feedbackURL: String
    private let interval: Duration
    private let clock: RunClock
    private let ledger = Mutex<[RecoveryMeasurement.CanaryWrite]>([])
    private let task = Mutex<Task<Void, Never>?>(nil)

    init(baseURL: String, rate: Double, clock: RunClock, runToken: String) {
        self.email = "canary-\(runToken)@loadgen.invalid"
        self.feedbackURL = baseURL + "/v1/feedback"
        self.interval = .nanoseconds(Int64(1e9 / max(rate, 0.01)))
        self.clock = clock
    }

    /// Every write so far.
    var writes: [RecoveryMeasurement.CanaryWrite] { ledger.withLock { $0 } }

    func start() {
        let body = { [email] (sequence: Int) in
            let object = ["name": "loadgen canary", "email": email, "message": "canary write \(sequence)"]
            return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
        }
        let started = Task { [self] in
            var sequence = 0
            var next = ContinuousClock.now
            while !Task.isCancelled {
                sequence += 1
                let request = ControlRequest(
                    method: "POST", url: feedbackURL, headers: [("Content-Type", "application/json")], body: body(sequence),
                    timeout: .seconds(2))
                let acknowledged = ((try? await CurlHTTPClient.send(request))?.status == 201) ? clock.nowMs : nil
                self.ledger.withLock { $0.append(.init(sequence: sequence, acknowledgedAtMs: acknowledged)) }
                next += interval
                if next > .now { try? await Task.sleep(until: next) } else { next = .now }
            }
        }
        task.withLock { $0 = started }
    }

    /// Stops writing and waits for the write in flight to be recorded.
    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
    }

    /// The sequence numbers a read-back body (`{"feedback": [{"message": "canary write N"}, …]}`) contains.
    static func sequences(inExport body: [UInt8]) -> Set<Int>? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let messages = object["feedback"] as? [[String: Any]]
        else { return nil }
        return Set(messages.compactMap { ($0["message"] as? String).flatMap { Int($0.split(separator: " ").last ?? "") } })
    }
}
