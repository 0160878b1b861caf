import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `http`: one request with an expected status, e.g. to warm a cache, call a deploy hook or toggle a feature flag.
///
/// Sent with URLSession for now. The intended transport for control-plane calls is libcurl (system CA store,
/// proxies, client certificates, HTTP/2), as the design notes say; swap it in behind this file when it lands.
struct HTTPCallAction: ScenarioAction {
    let spec: HTTPCallSpec

    func perform(in context: ActionContext) async throws(ActionFailure) -> [String: String] {
        var detail = ["method": spec.method, "url": spec.url]
        guard let url = URL(string: spec.url) else { throw ActionFailure("invalid URL \(spec.url)", detail: detail) }
        var request = URLRequest(url: url, timeoutInterval: Double(spec.timeout.milliseconds) / 1000)
        request.httpMethod = spec.method
        for (name, value) in spec.headers { request.addValue(value, forHTTPHeaderField: name) }
        if let body = spec.body { request.httpBody = Data(body.utf8) }
        let status: Int
        let body: Data
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
            body = data
        } catch {
            throw ActionFailure("\(spec.method) \(spec.url): \(error.localizedDescription)", detail: detail)
        }
        detail["status"] = "\(status)"
        detail["body_tail"] = String(decoding: body.suffix(300), as: UTF8.self)
        guard spec.expect.accepts(status) else {
            throw ActionFailure("\(spec.method) \(spec.url) answered HTTP \(status), which expect.status does not accept", detail: detail)
        }
        return detail
    }
}
