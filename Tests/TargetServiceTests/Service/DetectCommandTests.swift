import Foundation
import Testing

/// `targetservice detect` as a user runs it: every image processed, JSON on stdout, errors named on stderr.
@Suite struct DetectCommandTests {
    struct Report: Decodable, Equatable {
        struct Failure: Decodable, Equatable {
            var code: String
        }

        var image: String
        var width: Int?
        var height: Int?
        var boxes: [[Int]]?
        var error: Failure?
    }

    @Test func jsonListsEveryImageAndFailsIfOneIsBroken() async throws {
        let directory = try TemporaryDirectory()
        let good = Fixtures.url("images/grace_hopper.jpg").path
        let broken = try directory.write("broken.jpg", try Fixtures.bytes("images/grace_hopper.jpg").prefix(20_000))
        let command = try ServiceProcess(["detect", "--cascade", Fixtures.faceCascade, "--json", good, broken])
        let output = try await command.remainingLines().joined(separator: "\n")
        #expect(try await command.exitStatus() == 1)
        let reports = try JSONDecoder().decode([Report].self, from: Data(output.utf8))
        #expect(
            reports == [
                Report(image: good, width: 512, height: 600, boxes: [[155, 104, 224, 224]]),
                Report(image: broken, error: .init(code: "corrupt_image")),
            ])
        #expect(try await command.fullStderr().contains("\(broken): corrupt_image: Premature end of JPEG file"))
    }

    @Test func unreadableCascadeIsAUsageError() async throws {
        let command = try ServiceProcess([
            "detect", "--cascade", "/nonexistent/cascade.xml", Fixtures.url("images/grace_hopper.jpg").path,
        ])
        #expect(try await command.exitStatus() != 0)
        #expect(try await command.fullStderr().contains("cannot load --cascade"))
    }
}
