import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import TargetService

/// The HTML pages: every route answers a complete page in the shared layout, uploads go through the API's
/// detection path and refusals, feedback lands in the API's store, and nothing a user sent reaches the page
/// unescaped.
@Suite struct WebPagesTests {
    static let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test(arguments: [
        ("/", "Home", ["Models being served", "<code>face</code>", #"<td class="num">3</td>"#, "default"]),
        (
            "/detect", "Detect",
            [#"enctype="multipart/form-data""#, #"name="image""#, #"<option value="face" selected>face</option>"#]
        ),
        ("/about", "About", ["Limits", "8 MiB", "detectMultiScale"]),
        ("/feedback", "Feedback", [#"action="/feedback""#, #"name="email""#, "<textarea"]),
        ("/contact", "Contact", [#"href="/feedback""#, "/healthz"]),
    ])
    func everyPageRendersInTheLayout(path: String, title: String, expected: [String]) async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.get(path)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                let html = response.text
                #expect(html.hasPrefix("<!doctype html>"))
                #expect(html.contains("<title>\(title) · targetservice</title>"))
                #expect(
                    html.contains(#"<a href="\#(path)" class="current" aria-current="page">\#(title)</a>"#), "nav marks \(path)")
                #expect(html.contains("</body>\n</html>"))
                for text in expected {
                    #expect(html.contains(text), "\(path) lacks \(text)")
                }
                // Offline by design: no scripts, stylesheets or images from anywhere.
                #expect(!html.contains("http") && !html.contains("<script") && !html.contains("<link") && !html.contains("url("))
            }
        }
    }

    @Test func anUploadShowsTheImageWithItsBoxesAndTheModelVersion() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        var body = MultipartBody()
        body.addFile("image", filename: "grace <hopper>.jpg", image)
        body.addField("model", "face")
        let (headers, bytes): (HTTPFields, [UInt8]) = ([.contentType: body.contentType], body.finished())
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.post("/detect", headers: headers, body: ByteBuffer(bytes: bytes))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let html = response.text
                #expect(html.contains(#"<svg id="overlay" viewBox="0 0 512 600""#))
                #expect(html.contains(#"<rect x="155" y="104" width="224" height="224""#))
                #expect(html.components(separatedBy: "<rect ").count - 1 == 1)
                #expect(html.contains("src=\"data:image/jpeg;base64,\(Data(image).base64EncodedString().prefix(64))"))
                #expect(html.contains("model <code>face</code> version 3"))
                #expect(html.contains("1 face box(es) in grace &lt;hopper&gt;.jpg"))
                #expect(
                    html.contains(
                        #"<td class="num">155</td><td class="num">104</td><td class="num">224</td><td class="num">224</td>"#))
            }
        }
    }

    @Test func refusedUploadsShowTheReasonWithTheAPIsStatus() async throws {
        let image = try Fixtures.bytes("images/grace_hopper.jpg")
        func form(_ file: [UInt8]?, model: String? = nil) -> (HTTPFields, [UInt8]) {
            var body = MultipartBody()
            if let model { body.addField("model", model) }
            if let file { body.addFile("image", filename: "upload.jpg", file) }
            return ([.contentType: body.contentType], body.finished())
        }
        var truncatedForm = form(image)
        truncatedForm.1 = Array(truncatedForm.1.dropLast(60))
        let cases: [(String, (HTTPFields, [UInt8]), HTTPResponse.Status, String)] = [
            ("not a JPEG", form(Array("just some text".utf8)), .badRequest, "unsupported_image"),
            ("truncated JPEG", form(Array(image.prefix(20_000))), .badRequest, "corrupt_image"),
            ("empty file", form([]), .badRequest, "empty_body"),
            ("larger than the body limit", form(image + image + image + image), .contentTooLarge, "body_too_large"),
            ("unknown model", form(image, model: "unicorn"), .notFound, "no model named &#39;unicorn&#39;; available: face"),
            (
                "no image field", form(nil, model: "face"), .badRequest,
                "the form has no &#39;image&#39; file field (it has: model)"
            ),
            ("no boundary", ([.contentType: "multipart/form-data"], form(image).1), .badRequest, "has no boundary parameter"),
            ("truncated form", truncatedForm, .badRequest, "the closing boundary"),
            ("not multipart", ([.contentType: "image/jpeg"], image), .badRequest, "send the form as multipart/form-data"),
        ]
        try await RunningService.with(configure: { $0.maxBodyBytes = 200_000 }) { service in
            for (label, (headers, body), status, message) in cases {
                // A fresh connection per case: a 413 closes its connection.
                try await service.withClient { client in
                    let response = try await client.post("/detect", headers: headers, body: ByteBuffer(bytes: body))
                    #expect(response.status == status, "\(label)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(label)")
                    let html = response.text
                    #expect(html.contains(#"<div class="alert" id="detect-error">"#), "\(label)")
                    #expect(
                        html.contains(message),
                        "\(label): \(html.components(separatedBy: "detect-error").last?.prefix(300) ?? "")")
                    #expect(!html.contains("<svg id=\"overlay\""), "\(label)")
                }
            }
        }
    }

    @Test func feedbackIsStoredLikeTheAPIsAndThanksTheSenderEscaped() async throws {
        let data = try TemporaryDirectory()
        try await RunningService.with(configure: { $0.dataDirectory = data.path }) { service in
            try await service.withClient { client in
                let body = "name=%3Cb%3EAda%3C%2Fb%3E&email=ada%40example.com&message=Boxes+look+right."
                let response = try await client.post("/feedback", headers: Self.form, body: ByteBuffer(string: body))
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.text.contains("Thanks, &lt;b&gt;Ada&lt;/b&gt; — your message was stored (number 1)."))
                #expect(!response.text.contains("<b>Ada"))
            }
            #expect(try await service.service.feedback.count(from: "ada@example.com") == 1)
        }
    }

    @Test func invalidFeedbackKeepsTheValuesAndShowsEachProblemAtItsFieldEscaped() async throws {
        let hostile = #"<script>alert("pwned")</script>"#
        let encoded = hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await RunningService.with { service in
            try await service.withClient { client in
                let body = "name=\(encoded)&email=not-an-email&message=\(encoded)%22%27"
                let response = try await client.post("/feedback", headers: Self.form, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent)
                let html = response.text
                let escaped = "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"
                #expect(html.contains(#"id="name" name="name" value="\#(escaped)""#))
                #expect(
                    html.contains(
                        #"id="email" name="email" value="not-an-email" maxlength="254" class="invalid" aria-invalid="true">"#))
                #expect(html.contains(#"<p class="problem" data-field="email">email must look like name@example.com"#))
                #expect(html.contains(">\(escaped)&quot;&#39;</textarea>"))
                #expect(!html.contains("<script"))
                #expect(!html.contains(#"data-field="name""#) && !html.contains(#"data-field="message""#))
            }
            #expect(try await service.service.feedback.count() == 0)
        }
    }

    @Test func feedbackRefusesOtherEncodingsAndMalformedForms() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let json = try await client.post(
                    "/feedback", headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}"))
                #expect(json.status == .unsupportedMediaType)
                #expect(json.text.contains("send the form as application/x-www-form-urlencoded"))
                let malformed = try await client.post("/feedback", headers: Self.form, body: ByteBuffer(string: "name=%E0%A4%A"))
                #expect(malformed.status == .badRequest)
                #expect(malformed.text.contains("malformed %-escape"))
            }
        }
    }

    @Test func aPageWithTheWrongMethodGets405() async throws {
        try await RunningService.with { service in
            try await service.withClient { client in
                let response = try await client.delete("/about", body: ByteBuffer())
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }
}
