import Foundation
import NIOCore
import Testing

@testable import LoadGen

/// Model and restart actions against two real bundled replicas: every replica gets the upload and the switch, each
/// reached on its own through the shared port, and a rolling restart keeps the active version.
@Suite(.serialized) struct BundledModelActionTests {
    private static let alt2 = URL(fileURLWithPath: "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml")

    /// `GET /v1/models/face` answered by each replica, pinned like the admin calls: the active version per replica.
    private func activeVersions(_ replicas: BundledReplicas) async throws -> [String] {
        var versions: [String] = []
        for slot in 0..<replicas.replicaCount {
            let response = try await replicas.adminRequest(
                slot: slot, method: "GET", path: "/v1/models/face", timeout: .seconds(30)
            ).get()
            let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            versions.append(json?["active_version"] as? String ?? "?")
        }
        return versions
    }

    @Test func uploadActivateRollbackAndRollingRestartReachEveryReplica() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        // This suite starts with the whole test run, when every other suite also starts processes on the 2 cores:
        // two debug replicas loading their model took close to the default 30 s there.
        let replicas = try await BundledReplicas.start(
            BundledTarget(replicas: 2, model: "face", workers: 1, readyTimeout: .seconds(90)), executable: executable,
            log: { _ in })
        do {
            let context = ActionContext(
                replicas: replicas, environment: [:], workingDirectory: FileManager.default.temporaryDirectory,
                runStart: NIODeadline.now().uptimeNanoseconds)
            let steps: [ActionKind] = [
                .modelUpload(ModelUploadSpec(model: "face", cascade: Self.alt2, parameters: [("min_neighbors", "3")])),
                .modelActivate(ModelActivateSpec(model: "face", version: .uploaded)),
            ]
            let results = try await withTimeLimit(.seconds(60)) {
                await ActionExecutor(actions: steps.map { ActionSpec(at: .zero, action: $0) }, context: context).run()
            }
            #expect(results.map(\.failure) == [nil, nil])
            #expect(results[0].detail["versions"] == "2,2")
            #expect(results[1].detail["active_versions"] == "2,2")
            #expect(results[1].event.name == "model.activate" && results[1].event.outcome == "ok")
            #expect(try await activeVersions(replicas) == ["2", "2"])

            let later: [ActionKind] = [
                .modelRollback(ModelRollbackSpec(model: "face")),
                .replicaRestart(ReplicaRestartSpec(rolling: true, timeout: .seconds(30))),
            ]
            let oldPIDs = replicas.processIDs
            let more = try await withTimeLimit(.seconds(90)) {
                await ActionExecutor(actions: later.map { ActionSpec(at: .zero, action: $0) }, context: context).run()
            }
            #expect(more.map(\.failure) == [nil, nil])
            #expect(more[0].detail["version"] == "1")
            #expect(Set(replicas.processIDs).isDisjoint(with: oldPIDs))
            #expect(more[1].detail["replica1.old_pid"] == "\(oldPIDs[0])")
            #expect(try await activeVersions(replicas) == ["1", "1"])
        } catch {
            await replicas.stop()
            throw error
        }
        await replicas.stop()
    }

    @Test func aFailedAdminCallIsAFailedActionWithTheServiceMessage() async throws {
        let executable = try TargetServiceExecutable.locate(explicit: nil)
        let replicas = try await BundledReplicas.start(
            BundledTarget(replicas: 1, model: "face", readyTimeout: .seconds(90)), executable: executable, log: { _ in })
        let context = ActionContext(
            replicas: replicas, environment: [:], workingDirectory: FileManager.default.temporaryDirectory,
            runStart: NIODeadline.now().uptimeNanoseconds)
        let results = try await withTimeLimit(.seconds(30)) {
            await ActionExecutor(
                actions: [ActionSpec(at: .zero, action: .modelActivate(ModelActivateSpec(model: "face", version: .number(7))))],
                context: context
            ).run()
        }
        await replicas.stop()
        #expect(results[0].event.outcome == "failed")
        #expect(results[0].failure?.contains("answered HTTP 404") == true)
        #expect(results[0].failure?.contains("unknown_version") == true)
    }
}
