import Testing

@testable import LoadGen

/// Control-plane requests go through libcurl: status, headers and body come back; a refused connection and a
/// timeout are errors that name the request and libcurl's reason.
struct CurlHTTPClientTests {
    @Test func returnsStatusHeadersAndBody() async throws {
        try await TestHTTPServer.with { server in
            let ok = try await CurlHTTPClient.send(ControlRequest(url: server.baseURL + "/chunked"))
            #expect(ok.status == 200)
            #expect(ok.header("X-Test") == "chunked")
            #expect(ok.bodyText() == "hello chunked world")

            let posted = try await CurlHTTPClient.send(
                ControlRequest(method: "POST", url: server.baseURL + "/status/503", body: Array("{}".utf8)))
            #expect(posted.status == 503)
            #expect(!posted.isSuccess)
        }
    }

    @Test func refusedConnectionNamesTheRequestAndTheReason() async throws {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let error = await #expect(throws: ControlHTTPError.self) {
            try await CurlHTTPClient.send(ControlRequest(url: "http://127.0.0.1:1/readyz", timeout: .seconds(5)))
        }
        #expect(error?.curlCode == 7)
        #expect(error?.message.hasPrefix("GET http://127.0.0.1:1/readyz: Couldn't connect to server (curl 7)") == true)
    }

    @Test func slowAnswerTimesOut() async throws {
        try await TestHTTPServer.with { server in
            let error = await #expect(throws: ControlHTTPError.self) {
                try await CurlHTTPClient.send(ControlRequest(url: server.baseURL + "/stall?ms=3000", timeout: .milliseconds(200)))
            }
            #expect(error?.curlCode == 28)
        }
    }
}
