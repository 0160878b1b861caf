import Foundation
import Testing
@testable import TargetService

/// The strict `multipart/form-data` parser behind `POST /detect`: well-formed forms are split exactly, and every
/// malformed one is refused with a message that says what is wrong.
@Suite struct MultipartFormDataTests {
    static let jpegLike: [UInt8] = [0xFF, 0xD8, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF, 0xD9]

    @Test func splitsFieldsAndFilesKeepingBinaryBytes() throws {
        var body = MultipartBody()
        body.addField("model", "face")
        body.addFile("image", filename: "photo; one.jpg", Self.jpegLike)
        let form = try MultipartFormData(body: body.finished(), boundary: body.boundary)
        #expect(form.parts.count == 2)
        #expect(form.part(named: "model")?.body == Array("face".utf8))
        let image = try #require(form.part(named: "image"))
        #expect(image.body == Self.jpegLike)
        #expect(image.filename == "photo; one.jpg")
        #expect(image.contentType == "image/jpeg")
    }

    @Test func ignoresAPreambleAndAnEpilogue() throws {
        var body = MultipartBody()
        body.addField("model", "cat")
        let bytes = Array("ignored preamble\r\n".utf8) + body.finished() + Array("epilogue".utf8)
        let form = try MultipartFormData(body: bytes, boundary: body.boundary)
        #expect(form.part(named: "model")?.body == Array("cat".utf8))
    }

    @Test(arguments: [
        ("multipart/form-data; boundary=abc", "abc"),
        ("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"", "a b:c"),
    ])
    func readsTheBoundaryFromTheContentType(contentType: String, boundary: String) throws {
        #expect(try MultipartFormData.boundary(fromContentType: contentType) == boundary)
    }

    @Test(
        arguments: [
            (nil, "has no Content-Type"),
            ("application/x-www-form-urlencoded", "send the form as multipart/form-data"),
            ("multipart/form-data", "has no boundary parameter"),
            ("multipart/form-data; boundary=", "must be 1-70 characters"),
            ("multipart/form-data; boundary=\(String(repeating: "x", count: 71))", "must be 1-70 characters"),
        ] as [(String?, String)])
    func refusesAContentTypeWithoutAUsableBoundary(contentType: String?, message: String) {
        let error = #expect(throws: FormError.self) { try MultipartFormData.boundary(fromContentType: contentType) }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test func refusesMalformedBodiesSayingWhy() {
        var complete = MultipartBody()
        complete.addFile("image", filename: "a.jpg", Self.jpegLike)
        let finished = complete.finished()
        let boundary = complete.boundary
        let cases: [(String, [UInt8], String)] = [
            ("another boundary", finished, "does not contain the boundary"),
            ("empty body", [], "does not contain the boundary"),
            (
                "truncated in the file", Array(finished.prefix(finished.count - 40)),
                "the closing boundary '--\(boundary)--' is missing"
            ),
            (
                "truncated in the headers", Array(finished.prefix(boundary.count + 20)),
                "its headers do not end with an empty line"
            ),
            (
                "a delimiter but no closing '--'", complete.bytes + Array("--\(boundary)".utf8),
                "truncated or malformed after boundary 2"
            ),
            ("only the closing delimiter", Array("--\(boundary)--\r\n".utf8), "the form has no parts"),
            (
                "no Content-Disposition", Array("--\(boundary)\r\nContent-Type: image/jpeg\r\n\r\nx\r\n--\(boundary)--".utf8),
                "has no Content-Disposition header"
            ),
            (
                "disposition without a name",
                Array("--\(boundary)\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--\(boundary)--".utf8),
                "must say Content-Disposition: form-data; name="
            ),
            (
                "header line without a colon", Array("--\(boundary)\r\nnonsense\r\n\r\nx\r\n--\(boundary)--".utf8),
                "a header line without ':'"
            ),
            ("garbage after a delimiter", Array("--\(boundary)XX".utf8), "truncated or malformed after boundary 1"),
        ]
        for (label, body, message) in cases {
            let used = label == "another boundary" ? "other-boundary" : boundary
            let error = #expect(throws: FormError.self, "\(label)") { try MultipartFormData(body: body, boundary: used) }
            #expect(error?.message.contains(message) == true, "\(label): \(String(describing: error))")
        }
    }

    @Test func refusesHeadersLongerThanTheLimit() {
        let boundary = "b"
        let header =
            "Content-Disposition: form-data; name=\"image\"; filename=\"\(String(repeating: "a", count: MultipartFormData.maxHeaderBytes))\""
        let body = Array("--\(boundary)\r\n\(header)\r\n\r\nx\r\n--\(boundary)--".utf8)
        #expect(throws: FormError.self) { try MultipartFormData(body: body, boundary: boundary) }
    }

    @Test func findsByteSequencesAtTheEdges() {
        let haystack: [UInt8] = [1, 2, 3, 1, 2, 4]
        #expect(MultipartFormData.find([1, 2, 4], in: haystack, from: 0) == 3)
        #expect(MultipartFormData.find([1, 2], in: haystack, from: 1) == 3)
        #expect(MultipartFormData.find([4, 5], in: haystack, from: 0) == nil)
        #expect(MultipartFormData.find([1, 2, 4], in: haystack, from: 0, limit: 2) == nil)
        #expect(MultipartFormData.find([1], in: [], from: 0) == nil)
    }

    @Test func decodesURLEncodedForms() throws {
        let form = try URLEncodedForm("name=Ada+Lovelace&email=ada%40example.com&message=caf%C3%A9+%26+more&name=second")
        #expect(form["name"] == "Ada Lovelace")
        #expect(form["email"] == "ada@example.com")
        #expect(form["message"] == "café & more")
        #expect(form["missing"] == "")
        #expect(throws: FormError.self) { try URLEncodedForm("name=%ZZ") }
    }
}
