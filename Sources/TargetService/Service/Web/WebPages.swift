import Foundation
import Hummingbird
import NIOCore

/// The service's pages for people: home, detect (upload a JPEG, see the boxes), about, feedback and contact.
/// They use the same models, worker pool, decoder and feedback store as the JSON API, so what a page shows is
/// what the API answers; failures are shown on the page with the status the API would give.
struct WebPages: Sendable {
    let models: ActiveModels
    let pool: DetectionWorkerPool
    let metrics: ServiceMetrics
    let pipeline: DetectionPipeline
    /// The upload limit of `POST /detect`: the whole form, like the API's body limit.
    let maxBodyBytes: Int
    let feedback: FeedbackStore

    /// `GET /`: what the service is and which models (and versions) it serves.
    func home() throws -> Response {
        let set = models.current
        let rows = (set?.models.values.map { $0 } ?? []).sorted { $0.spec.name < $1.spec.name }.map { model in
            HomeContent.ModelRow(
                name: model.spec.name, label: model.spec.label, version: model.spec.version,
                isDefault: model.spec.name == set?.defaultModel,
                scaleFactor: "\(model.spec.parameters.scaleFactor)", minNeighbors: model.spec.parameters.minNeighbors
            )
        }
        return try page("home", title: "Home", .home, HomeContent(models: rows, loading: set == nil))
    }

    /// `GET /about`.
    func about() throws -> Response {
        try page(
            "about", title: "About", .about,
            AboutContent(maxUpload: Self.byteCount(maxBodyBytes), maxPixels: pipeline.decoder.maxPixels))
    }

    /// `GET /contact`.
    func contact() throws -> Response {
        try page("contact", title: "Contact", .contact, EmptyContent())
    }

    /// Renders `template` inside the shared layout as an HTML response.
    func page(
        _ template: String, title: String, _ section: NavLink.Section, _ content: some Sendable,
        status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        let context = PageContext(title: title, nav: NavLink.all(current: section), content: content)
        let html = try WebTemplates.shipped().render(template, context)
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        // The pages load nothing from elsewhere; the policy makes sure an injected tag could not either.
        fields[.contentSecurityPolicy] =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// "8 MiB", "512 KiB" or "300 bytes": limits as people read them.
    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

extension HTTPFields.Element.Name {
    static let contentSecurityPolicy = Self("Content-Security-Policy")!
}
