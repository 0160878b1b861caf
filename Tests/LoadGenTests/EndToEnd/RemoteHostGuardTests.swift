import Foundation
import Testing

/// A scenario file alone must never aim load at another machine: `loadgen run` refuses a non-loopback url target
/// unless `--target` or `--allow-host` names it, before it opens a single connection.
///
/// Belt and braces, so these tests cannot send traffic even if the guard regressed: `--db` points below a regular
/// file. loadgen opens its results store after the guard and before any connection, so a run that got past the
/// guard would stop there with exit code 3 — exit code 2 proves the guard itself said no.
@Suite struct RemoteHostGuardTests {
    private static func scenario(target: String) -> String {
        """
        name: remote
        target: { url: "\(target)" }
        requests:
          - { name: probe, method: GET, path: / }
        phases:
          - { name: steady, duration: 1s, arrival: { rate: 1/s } }
        """
    }

    /// A remote url target and the two ways out that loadgen's refusal must offer.
    struct RemoteTarget: Sendable, CustomTestStringConvertible {
        var url: String
        var suggestedTarget: String
        var suggestedAllowHost: String
        var testDescription: String { url }
    }

    @Test(arguments: [
        RemoteTarget(
            url: "http://example.com", suggestedTarget: "--target http://example.com",
            suggestedAllowHost: "--allow-host example.com"),
        RemoteTarget(
            url: "https://example.com:8443", suggestedTarget: "--target https://example.com:8443",
            suggestedAllowHost: "--allow-host example.com"),
        RemoteTarget(
            url: "http://10.1.2.3:8080", suggestedTarget: "--target http://10.1.2.3:8080",
            suggestedAllowHost: "--allow-host 10.1.2.3"),
    ])
    func remoteURLTargetIsRefusedBeforeAnyConnection(remote: RemoteTarget) async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("remote.yaml", Self.scenario(target: remote.url))
        let unusableDatabase = try directory.write("not-a-directory", "") + "/results.sqlite"

        // Validation is instant; a run that took longer would have been doing something else first.
        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", unusableDatabase], in: directory.url, within: .seconds(10))

        #expect(outcome.exitCode == 2, "\(outcome)")
        #expect(outcome.stderr.contains("refusing to send load to"), "\(outcome)")
        #expect(outcome.stderr.contains(remote.suggestedTarget), "\(outcome)")
        #expect(outcome.stderr.contains(remote.suggestedAllowHost), "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
    }
}
