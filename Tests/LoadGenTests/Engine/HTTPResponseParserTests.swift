import NIOCore
import Testing
@testable import LoadGen

@Suite struct HTTPResponseParserTests {
    /// Feeds `chunks` one read at a time and returns the responses they completed.
    private func parse(
        _ chunks: [String], keepBody: Bool = true, keepHeaders: Bool = false
    ) throws -> [HTTPResponseParser.Response] {
        var parser = HTTPResponseParser()
        parser.keepBody = keepBody
        parser.keepHeaders = keepHeaders
        var responses: [HTTPResponseParser.Response] = []
        for chunk in chunks {
            var buffer = ByteBuffer(string: chunk)
            try parser.feed(&buffer) { responses.append($0) }
        }
        return responses
    }

    @Test func contentLengthBodySplitAcrossReads() throws {
        let responses = try parse(["HTTP/1.1 200 OK\r\nContent-Le", "ngth: 5\r\n\r\nhe", "llo"])
        #expect(responses.count == 1)
        #expect(responses.first?.status == 200)
        #expect(responses.first?.body == Array("hello".utf8))
    }

    @Test func chunkedBodyWithExtensionsAndTrailers() throws {
        let responses = try parse([
            "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n1\r\n!\r\n0\r\nX-Trailer: y\r\n\r\n"
        ])
        #expect(responses.first?.status == 201)
        #expect(responses.first?.body == Array("hello!".utf8))
    }

    @Test func pipelinedResponsesInOneRead() throws {
        let one = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        let two = "HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
        let responses = try parse([one + two])
        #expect(responses.map(\.status) == [200, 404])
    }

    @Test func noContentHasNoBodyAndHeadersAreKeptOnRequest() throws {
        let responses = try parse(["HTTP/1.1 204 No Content\r\nX-Model-Version: 3\r\n\r\n"], keepHeaders: true)
        #expect(responses.first?.status == 204)
        #expect(responses.first?.headers.first?.0 == "X-Model-Version")
        #expect(responses.first?.headers.first?.1 == "3")
    }

    @Test func connectionCloseIsReported() throws {
        let responses = try parse(["HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"])
        #expect(responses.first?.closesConnection == true)
    }

    @Test func anHTTP10ResponseClosesUnlessItAsksToKeepAlive() throws {
        let plain = try parse(["HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"])
        #expect(plain.first?.closesConnection == true)
        let kept = try parse(["HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok"])
        #expect(kept.first?.closesConnection == false)
        let http11 = try parse(["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"])
        #expect(http11.first?.closesConnection == false)
    }

    @Test func bodyDelimitedByCloseCompletesOnClose() throws {
        var parser = HTTPResponseParser()
        parser.keepBody = true
        var buffer = ByteBuffer(string: "HTTP/1.0 200 OK\r\n\r\nuntil close")
        var responses: [HTTPResponseParser.Response] = []
        try parser.feed(&buffer) { responses.append($0) }
        #expect(responses.isEmpty)
        #expect(parser.finishOnClose { responses.append($0) })
        #expect(responses.first?.body == Array("until close".utf8))
    }

    @Test func garbageIsAnError() {
        #expect(throws: HTTPResponseParser.ParseError.self) { try parse(["SSH-2.0-OpenSSH\r\n"]) }
        #expect(throws: HTTPResponseParser.ParseError.self) {
            try parse(["HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"])
        }
    }
}

@Suite struct HTTPResponseParserTokenTests {
    @Test func connectionTokensAreMatchedWithoutRegardToCase() throws {
        for (header, closes) in [
            ("Connection: CLOSE", true), ("connection: keep-alive", false), ("Connection: Keep-Alive, Close", true),
        ] {
            var parser = HTTPResponseParser()
            var buffer = ByteBuffer(string: "HTTP/1.1 200 OK\r\n\(header)\r\nContent-Length: 0\r\n\r\n")
            var responses: [HTTPResponseParser.Response] = []
            try parser.feed(&buffer) { responses.append($0) }
            #expect(responses.first?.closesConnection == closes, "\(header)")
        }
    }

    @Test func chunkedIsRecognisedAmongOtherCodings() throws {
        var parser = HTTPResponseParser()
        parser.keepBody = true
        var buffer = ByteBuffer(string: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n")
        var responses: [HTTPResponseParser.Response] = []
        try parser.feed(&buffer) { responses.append($0) }
        #expect(responses.first?.body == Array("ok".utf8))
    }
}
