import BrowserTestSupport
import Foundation
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// The detect page as a person sees it: a photo uploaded by a real multipart client (curl) to a running service,
/// the answer opened in headless Chromium. It must render without console errors and draw exactly the boxes
/// `POST /v1/detect` returns for the same image. Page, DOM and screenshot stay in test-artifacts/web-detect/.
/// Without chromium this fails and says how to install it rather than passing without having looked.
@Suite(.serialized) struct WebDetectBrowserTests {
    @Test func theDetectPageDrawsTheAPIsBoxesInABrowser() async throws {
        let browser = try HeadlessChromium.require()
        let artifacts = try TestArtifacts.directory("web-detect")
        let photo = Fixtures.url("images/astronaut.jpg")
        let page = artifacts.appendingPathComponent("detect.html")
        try? FileManager.default.removeItem(at: page)

        let apiBoxes = try await RunningService.with { service in
            let boxes = try await service.withClient { client in
                let response = try await client.post(
                    "/v1/detect?model=face", headers: [.contentType: "image/jpeg"],
                    body: ByteBuffer(bytes: try Data(contentsOf: photo)))
                #expect(response.status == .ok)
                let json = try #require(try JSONSerialization.jsonObject(with: response.data) as? [String: Any])
                return try #require(json["detections"] as? [[String: Any]]).compactMap { $0["box"] as? [Int] }
            }
            let status = try await Self.curlUpload(
                photo, model: "face", to: "http://127.0.0.1:\(service.port)/detect", saveTo: page)
            #expect(status == "200", "POST /detect answered \(status); the page is in \(page.path)")
            return boxes
        }
        #expect(!apiBoxes.isEmpty, "the fixture should contain a face, or the comparison proves nothing")

        let load = try await browser.load(page, screenshot: artifacts.appendingPathComponent("detect.png"))
        try load.dom.write(to: artifacts.appendingPathComponent("detect-dom.html"), atomically: true, encoding: .utf8)
        #expect(load.consoleMessages.isEmpty, "the page logged to the console: \(load.consoleMessages)")
        let start = try #require(load.dom.range(of: #"<svg id="overlay""#), "no overlay in the rendered page")
        let end = try #require(load.dom.range(of: "</svg>", range: start.upperBound..<load.dom.endIndex))
        let svg = load.dom[start.lowerBound..<end.upperBound]
        #expect(
            svg.components(separatedBy: "<rect ").count - 1 == apiBoxes.count,
            "the overlay draws a different number of boxes than the API")
        for box in apiBoxes {
            #expect(
                svg.contains(#"<rect x="\#(box[0])" y="\#(box[1])" width="\#(box[2])" height="\#(box[3])""#),
                "box \(box) is not drawn")
        }
        #expect(load.dom.contains("model <code>face</code>"))
        let png = try Data(contentsOf: load.screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "the screenshot is not a PNG")
        #expect(png.count > 20_000, "a near-empty screenshot (\(png.count) bytes): the page did not render")
    }

    /// Uploads `file` as the form's `image` field with curl, a multipart encoder independent of ours; returns the status.
    private static func curlUpload(_ file: URL, model: String, to url: String, saveTo output: URL) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "curl", "--silent", "--show-error", "--max-time", "60", "--output", output.path, "--write-out", "%{http_code}",
            "--form", "image=@\(file.path);type=image/jpeg", "--form", "model=\(model)", url,
        ]
        // On a thread of its own: blocking a concurrency thread could starve the in-process service it talks to.
        let (out, err) = try await ChildProcess.runOnThread(process, timeout: 90, what: "curl uploading to /detect")
        guard process.terminationStatus == 0 else {
            throw HeadlessChromium.Failure(
                description: "curl failed (exit \(process.terminationStatus)): \(err); install it with `make setup`")
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
