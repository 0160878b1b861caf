/// What to do about HTTP/1 parse errors on one connection, decided without I/O: `MalformedRequestHandler` reports
/// the request parts it reads, the response parts written and the parse errors, and performs the returned actions.
///
/// Left alone, Hummingbird answers a parse error with an empty `400`, and when the error surfaces while it drains a
/// body its responder never read, it writes that 400 after the response the request already got. Here: an error
/// outside a request body (request line, headers, `Content-Length`, leftover bytes) is answered with the JSON
/// `400 malformed_request` once any response still being written is out; an error inside a body goes to the
/// request's body reader, which answers it (`Request.collectBody`). Either way every request gets exactly one
/// answer and the connection closes after it.
struct MalformedRequestState: Sendable {
    private var heads = 0
    private var responseEnds = 0
    private var readingBody = false
    private var phase = Phase.healthy

    private enum Phase {
        case healthy
        /// Bytes after a request could not be parsed while that request's response was being written.
        case answerAfterResponse
        /// The body being read broke; its request answers it, and the connection closes after that response.
        case closeAfterResponse
        /// The output is closed: nothing else is read or written.
        case closed
    }

    enum ErrorAction: Equatable {
        /// Pass the error to the request reading the body.
        case forward
        /// Pass the error on (the request's body reader ends) and close the output: its answer is already out.
        case forwardAndClose
        /// Write the JSON 400 and close the output.
        case answerAndClose
        /// Nothing now (a later write answers), or a repeat of an error already handled.
        case ignore
    }

    enum WriteAction: Equatable {
        case write
        case writeThenClose
        case writeThenAnswerAndClose
        /// The connection already had its last answer.
        case drop
    }

    /// Returns whether the part goes on to the application.
    mutating func read(head: Bool, end: Bool) -> Bool {
        guard phase == .healthy else { return false }
        if head {
            heads += 1
            readingBody = true
        }
        if end { readingBody = false }
        return true
    }

    mutating func parseFailed() -> ErrorAction {
        guard phase == .healthy else { return .ignore }
        let responding = responseEnds < heads
        switch (readingBody, responding) {
        case (true, true):
            phase = .closeAfterResponse
            return .forward
        case (true, false):
            phase = .closed
            return .forwardAndClose
        case (false, true):
            phase = .answerAfterResponse
            return .ignore
        case (false, false):
            phase = .closed
            return .answerAndClose
        }
    }

    mutating func write(endOfResponse: Bool) -> WriteAction {
        switch phase {
        case .healthy:
            if endOfResponse { responseEnds += 1 }
            return .write
        case .closed:
            return .drop
        case .closeAfterResponse, .answerAfterResponse:
            guard endOfResponse else { return .write }
            responseEnds += 1
            guard responseEnds >= heads else { return .write }
            let action: WriteAction = phase == .answerAfterResponse ? .writeThenAnswerAndClose : .writeThenClose
            phase = .closed
            return action
        }
    }
}
