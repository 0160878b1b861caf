import Testing
@testable import LoadGen

@Suite struct LoopbackHTTPClientTests {
    @Test func parsesStatusAndBody() throws {
        let response = try LoopbackHTTPClient.parse(
            Array("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n\r\n{\"status\":\"loading\"}".utf8))
        #expect(response.status == 503)
        #expect(String(decoding: response.body, as: UTF8.self) == "{\"status\":\"loading\"}")
    }

    @Test func rejectsAnswersThatAreNotHTTP() {
        #expect(throws: LoopbackHTTPClient.Failure.self) { try LoopbackHTTPClient.parse(Array("SSH-2.0-OpenSSH\r\n".utf8)) }
        #expect(throws: LoopbackHTTPClient.Failure.self) { try LoopbackHTTPClient.parse(Array("hello\r\n\r\n".utf8)) }
    }
}
