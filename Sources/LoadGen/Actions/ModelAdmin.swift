import Foundation

/// The service's admin API as the model actions see it: every bundled replica (each reached on its own, since
/// each keeps its own registry), or the one `admin_url` of a url target.
struct ModelAdmin: Sendable {
    /// One place an admin request goes to; `label` names it in messages and event details.
    enum Destination: Sendable {
        case replica(slot: Int, BundledReplicas)
        case endpoint(AdminEndpoint, token: String)

        var label: String {
            switch self {
            case .replica(let slot, _): "replica \(slot + 1)"
            case .endpoint(let endpoint, _): endpoint.url
            }
        }
    }

    /// Model changes load and probe a cascade; give them longer than a detection.
    static let requestTimeout = Duration.seconds(30)

    let destinations: [Destination]

    init(admin: AdminEndpoint?, context: ActionContext) throws(ActionFailure) {
        if let admin {
            guard let token = context.environment[admin.tokenEnvironmentVariable], !token.isEmpty else {
                throw ActionFailure(
                    "environment variable \(admin.tokenEnvironmentVariable) (token_env) is empty or not set; export the admin token in it"
                )
            }
            destinations = [.endpoint(admin, token: token)]
        } else if let replicas = context.replicas {
            destinations = (0..<replicas.replicaCount).map { .replica(slot: $0, replicas) }
        } else {
            throw ActionFailure("this action needs a bundled target or admin_url + token_env")
        }
    }

    /// Sends the request to `destination`; a non-2xx answer is a failure quoting the service's message.
    func send(
        _ method: String, _ path: String, body: [UInt8] = [], to destination: Destination
    ) async throws(ActionFailure) -> [String: Any] {
        let status: Int
        let answer: [UInt8]
        switch destination {
        case .replica(let slot, let replicas):
            switch await replicas.adminRequest(slot: slot, method: method, path: path, body: body, timeout: Self.requestTimeout) {
            case .success(let response): (status, answer) = (response.status, response.body)
            case .failure(let failure): throw ActionFailure("\(method) \(path) on \(destination.label): \(failure.description)")
            }
        case .endpoint(let endpoint, let token):
            let base = endpoint.url.hasSuffix("/") ? String(endpoint.url.dropLast()) : endpoint.url
            do {
                let response = try await CurlHTTPClient.send(
                    ControlRequest(
                        method: method, url: base + path, headers: [("Authorization", "Bearer \(token)")], body: body,
                        timeout: Self.requestTimeout))
                (status, answer) = (response.status, response.body)
            } catch {
                throw ActionFailure(error.message)
            }
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(answer))) as? [String: Any] ?? [:]
        guard (200..<300).contains(status) else {
            let text = String(decoding: answer.prefix(500), as: UTF8.self)
            throw ActionFailure("\(method) \(path) on \(destination.label) answered HTTP \(status): \(text)")
        }
        return json
    }

    /// `1`, or `2,2` for several replicas: what each destination reported, in order.
    static func joined(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }
}
