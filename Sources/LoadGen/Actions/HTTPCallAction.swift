/// `http`: one request with an expected status, e.g. to warm a cache, call a deploy hook or toggle a feature flag.
/// Sent with libcurl (`CurlHTTPClient`), like every control-plane call. A `url` that is a path (`/readyz`) goes to
/// the run's target (through the fault proxy when the load goes through it).
struct HTTPCallAction: ScenarioAction {
    let spec: HTTPCallSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        let url = spec.url.hasPrefix("/") ? (context.targetURL ?? "") + spec.url : spec.url
        var detail = ["method": spec.method, "url": url]
        let response: ControlResponse
        do {
            response = try await CurlHTTPClient.send(
                ControlRequest(
                    method: spec.method, url: url, headers: spec.headers, body: Array((spec.body ?? "").utf8),
                    timeout: spec.timeout))
        } catch {
            throw ActionFailure(error.message, detail: detail)
        }
        detail["status"] = "\(response.status)"
        detail["body_tail"] = String(decoding: response.body.suffix(300), as: UTF8.self)
        guard spec.expect.accepts(response.status) else {
            throw ActionFailure(
                "\(spec.method) \(url) answered HTTP \(response.status), which expect.status does not accept", detail: detail)
        }
        return detail
    }
}
