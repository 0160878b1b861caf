import Foundation
import Mustache

/// The web pages' Mustache templates (`Sources/TargetService/Templates/*.mustache`), loaded once per process.
///
/// A template's name is its file name without `.mustache`; any template can include another as a partial
/// (`{{> layout-head}}`). `{{value}}` is HTML-escaped; `{{{value}}}` is never used for anything a user sent.
struct WebTemplates: Sendable {
    let library: MustacheLibrary
    let names: [String]

    /// Loads every `*.mustache` file directly in `directory`.
    init(directory: URL) throws(WebTemplatesError) {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        let templates = files.filter { $0.pathExtension == "mustache" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        guard !templates.isEmpty else {
            throw WebTemplatesError(
                "no .mustache files in \(directory.path); the TargetService resource bundle is incomplete, rebuild with `swift build`"
            )
        }
        var library = MustacheLibrary()
        for url in templates {
            let name = url.deletingPathExtension().lastPathComponent
            do {
                try library.register(try String(contentsOf: url, encoding: .utf8), named: name)
            } catch {
                throw WebTemplatesError("template \(name) cannot be loaded: \(error)")
            }
        }
        self.library = library
        names = templates.map { $0.deletingPathExtension().lastPathComponent }
    }

    /// The templates shipped in this module's resource bundle.
    static func shipped() throws(WebTemplatesError) -> WebTemplates {
        try shippedResult.get()
    }

    /// Renders template `name` with `context` (struct properties are read by name).
    func render(_ name: String, _ context: Any) throws(WebTemplatesError) -> String {
        guard let rendered = library.render(context, withTemplate: name) else {
            throw WebTemplatesError("no template named \(name); loaded: \(names.joined(separator: ", "))")
        }
        return rendered
    }

    private static let shippedResult: Result<WebTemplates, WebTemplatesError> = {
        do throws(WebTemplatesError) {
            return .success(try WebTemplates(directory: try WebResourceBundle.templatesDirectory()))
        } catch {
            return .failure(error)
        }
    }()
}

/// The web templates could not be found or parsed; the message says which and what to do.
struct WebTemplatesError: Error, Sendable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
