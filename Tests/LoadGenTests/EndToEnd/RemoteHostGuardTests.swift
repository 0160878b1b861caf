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

    @Test(arguments: [
        ("http://example.com", "--target http://example.com", "--allow-host example.com"),
        ("https://example.com:8443", "--target https://example.com:8443", "--allow-host example.com"),
        ("http://10.1.2.3:8080", "--target http://10.1.2.3:8080", "--allow-host 10.1.2.3"),
    ])
    func remoteURLTargetIsRefusedBeforeAnyConnection(target: String, suggestedTarget: String, suggestedAllow: String) async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("remote.yaml", Self.scenario(target: target))
        let unusableDatabase = try directory.write("not-a-directory", "") + "/results.sqlite"

        // Validation is instant; a run that took longer would have been doing something else first.
        let outcome = try await LoadGenProcess.run(
            ["run", file, "--quiet", "--db", unusableDatabase], in: directory.url, within: .seconds(10))

        #expect(outcome.exitCode == 2, "\(outcome)")
        #expect(outcome.stderr.contains("refusing to send load to"), "\(outcome)")
        #expect(outcome.stderr.contains(suggestedTarget), "\(outcome)")
        #expect(outcome.stderr.contains(suggestedAllow), "\(outcome)")
        #expect(outcome.stdout.isEmpty, "\(outcome)")
    }
}
