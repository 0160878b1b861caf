import Foundation

// Templated requests: rendered when they arrive, so a retry or a wait for a connection keeps the same values.
extension LoopWorker {
    /// Fills a templated request's bytes; false (the arrival counted as dropped, with the reason) when a unique data
    /// feed it draws from has run out — the runner then stops the load.
    func render(_ inFlight: inout Connection.InFlight) -> Bool {
        guard let template = requests[inFlight.request].template, let feeds = dataFeeds else { return true }
        let payload = requests[inFlight.request].variants[inFlight.variant].payload
        let unixMs = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        guard let bytes = template.render(feeds: feeds, payload: payload, intendedUnixMs: unixMs, random: &random) else {
            recorder.recordFailure(
                phase: inFlight.phase, request: inFlight.request, code: .dropped, intended: inFlight.intended, at: Self.now(),
                message: feeds.exhausted ?? "a data feed ran out")
            return false
        }
        inFlight.rendered = bytes
        return true
    }
}
