import Testing
@testable import TargetService

/// The decisions about HTTP parse errors, event by event, without a socket.
@Suite struct MalformedRequestStateTests {
    enum Event {
        case readHead, readBody, readEnd, parseError, writeHead, writeEnd
    }

    /// Feeds `events` to a fresh state and returns what it decided for each: "pass"/"drop" for a read, the
    /// action's name for an error or a write.
    static func decisions(_ events: [Event]) -> [String] {
        var state = MalformedRequestState()
        return events.map { event in
            switch event {
            case .readHead: state.read(head: true, end: false) ? "pass" : "drop"
            case .readBody: state.read(head: false, end: false) ? "pass" : "drop"
            case .readEnd: state.read(head: false, end: true) ? "pass" : "drop"
            case .parseError: "\(state.parseFailed())"
            case .writeHead: "\(state.write(endOfResponse: false))"
            case .writeEnd: "\(state.write(endOfResponse: true))"
            }
        }
    }

    @Test func healthyConnectionPassesEverything() {
        let request: [Event] = [.readHead, .readBody, .readEnd, .writeHead, .writeEnd]
        #expect(
            Self.decisions(request + request)
                == Array(repeating: ["pass", "pass", "pass", "write", "write"], count: 2).flatMap { $0 })
    }

    @Test func errorBeforeAnyRequestIsAnsweredAndEndsTheConnection() {
        #expect(
            Self.decisions([.parseError, .parseError, .readHead, .writeHead]) == ["answerAndClose", "ignore", "drop", "drop"])
    }

    @Test func errorWhileAResponseIsWrittenIsAnsweredAfterIt() {
        #expect(
            Self.decisions([.readHead, .readEnd, .parseError, .writeHead, .writeEnd, .writeHead])
                == ["pass", "pass", "ignore", "write", "writeThenAnswerAndClose", "drop"])
    }

    @Test func errorAfterPipelinedRequestsWaitsForTheLastResponse() {
        #expect(
            Self.decisions([.readHead, .readEnd, .readHead, .readEnd, .parseError, .writeEnd, .writeEnd])
                == ["pass", "pass", "pass", "pass", "ignore", "write", "writeThenAnswerAndClose"])
    }

    @Test func errorInABodyGoesToItsRequestWhichAnswersLast() {
        #expect(
            Self.decisions([.readHead, .parseError, .parseError, .writeHead, .writeEnd, .writeHead])
                == ["pass", "forward", "ignore", "write", "writeThenClose", "drop"])
    }

    /// Hummingbird drains a body its responder never read; the error found there must not add a second answer.
    @Test func errorInABodyAfterItsAnswerClosesAtOnceAndDropsASecondAnswer() {
        #expect(
            Self.decisions([.readHead, .writeHead, .writeEnd, .parseError, .writeHead, .writeEnd])
                == ["pass", "write", "write", "forwardAndClose", "drop", "drop"])
    }
}
