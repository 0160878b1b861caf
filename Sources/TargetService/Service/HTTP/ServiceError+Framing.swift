import NIOHTTP1

extension ServiceError {
    /// Bytes that are not HTTP/1.1 (request line, a header, `Content-Length`, chunked framing), answered by
    /// `MalformedRequestHandler`. Nothing after them can be trusted to start a request, so the connection closes.
    init(malformedRequest error: any Error) {
        let reason = (error as? HTTPParserError)?.debugDescription ?? "\(error)"
        self.init(
            .badRequest, .malformedRequest,
            "the request is not valid HTTP/1.1 (\(reason)); check the request line, the headers, Content-Length and the chunked encoding",
            headers: [.connection: "close"])
    }

    /// A request whose body could not be read to its end (`Request.collectBody`). The connection cannot carry
    /// another request after it, so the answer closes it, if the client is still there to read it at all.
    init(unreadableBody error: any Error) {
        if let parseError = error as? HTTPParserError, parseError != .invalidEOFState {
            self.init(malformedRequest: parseError)
        } else {
            self.init(
                .badRequest, .incompleteBody,
                "the connection ended before the request body was complete (fewer bytes than Content-Length, or no last chunk); send the whole body",
                headers: [.connection: "close"])
        }
    }
}
