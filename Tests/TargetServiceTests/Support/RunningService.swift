import Foundation
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
@testable import TargetService

/// An in-process detection service on 127.0.0.1, port 0, for one test.
struct RunningService: Sendable {
    let service: DetectionService
    let port: Int

    /// A catalog with only the face model: loading every stock cascade would slow each test down.
    static let testCatalog = try! ModelCatalog(
        defaultModel: "face",
        models: [ModelSpec(name: "face", label: "face", version: 3, cascadePath: Fixtures.faceCascade)]
    )

    /// Starts a service, waits until it listens (and, unless told otherwise, until its models are loaded),
    /// runs `body`, then shuts it down gracefully.
    static func with<T: Sendable>(
        waitUntilReady: Bool = true,
        configure: (inout ServiceConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (RunningService) async throws -> T
    ) async throws -> T {
        var configuration = ServiceConfiguration()
        configuration.workers = 1
        configuration.queueDepth = 2
        configuration.catalog = testCatalog
        configuration.drainTimeout = .seconds(5)
        configure(&configuration)
        var logger = Logger(label: "test-service")
        logger.logLevel = .warning
        let service = try DetectionService(configuration: configuration, logger: logger)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let group = service.makeServiceGroup { address in
            continuation.yield(address.port ?? 0)
            continuation.finish()
        }
        return try await withThrowingTaskGroup(of: T?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            let result: Result<T, any Error>
            do {
                let port = try await withTimeout(.seconds(10), "the server to listen") {
                    guard let port = await ports.first(where: { _ in true }) else { throw TimedOut(what: "a port", after: .zero) }
                    return port
                }
                if waitUntilReady {
                    try await waitUntil("models to load", within: .seconds(10), every: .milliseconds(10)) {
                        service.readiness.current == .ready
                    }
                }
                result = .success(try await body(RunningService(service: service, port: port)))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            // Bounded by the group's drain timeout, after which it cancels what is left.
            while try await tasks.next() != nil {}
            return try result.get()
        }
    }

    /// Runs `body` with an HTTP client connected to this service.
    func withClient<T: Sendable>(_ body: @escaping @Sendable (TestClient) async throws -> T) async throws -> T {
        try await TestClient.withClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(20)), operation: body)
    }
}
