import Foundation
import Hummingbird
import Synchronization

/// What every HTTP/1.1 client expects of a server and the router does not do by itself: a `Date` on every response
/// (RFC 9110 §6.6.1: an origin server with a clock sends one), `HEAD` on every `GET` route — the GET handler's
/// status and headers, `Content-Length` included, without the body — and, once the service is draining,
/// `Connection: close` on every response, so keep-alive clients reconnect (to another replica) instead of sending
/// their next request into a closing listener.
struct ProtocolMiddleware<Context: RequestContext>: RouterMiddleware {
    let readiness: Readiness

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response = try await next(request, context)
        if request.method == .head {
            // The GET route answered (every GET route is registered for HEAD too); keep its length, drop its body.
            let length = response.body.contentLength ?? response.headers[.contentLength].flatMap(Int.init)
            response.body = ResponseBody(contentLength: length) { writer in try await writer.finish(nil) }
        }
        response.headers[.date] = HTTPDate.now()
        if readiness.current == .draining { response.headers[.connection] = "close" }
        return response
    }
}

/// The IMF-fixdate of the current second (`Sun, 06 Nov 1994 08:49:37 GMT`), formatted once per second.
enum HTTPDate {
    private static let cache = Mutex<(second: Int, text: String)>((-1, ""))

    static func now() -> String {
        let now = Date()
        let second = Int(now.timeIntervalSince1970)
        return cache.withLock { cached in
            if cached.second != second { cached = (second, format(now)) }
            return cached.text
        }
    }

    static func format(_ date: Date) -> String {
        date.formatted(
            Date.VerbatimFormatStyle(
                format:
                    "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
                locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!,
                calendar: Calendar(identifier: .gregorian)))
    }
}
