import Foundation
import Mustache

/// The Mustache templates shipped in the Reports resource bundle (`Sources/Reports/Templates/*.mustache`), by name.
///
/// A template's name is its file name without `.mustache` (`report-header.mustache` → `report-header`), and any
/// template can use any other as a partial (`{{> report-header}}`). Rendering HTML-escapes `{{value}}`; `{{{value}}}`
/// is raw and is only for SVG or HTML the report built and escaped itself.
public struct ReportTemplates: Sendable {
    /// Every template, registered under its name.
    public let library: MustacheLibrary
    /// The names of the loaded templates, sorted.
    public let names: [String]

    /// Loads every `*.mustache` file under `directory` (subfolders give names like `folder/name`).
    public init(directory: URL) throws {
        let files = Self.templateFiles(under: directory)
        guard !files.isEmpty else {
            throw ReportTemplatesError(kind: .missingTemplates, location: directory.path, detail: "no .mustache files")
        }
        var library = MustacheLibrary()
        for (name, url) in files {
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ReportTemplatesError(kind: .invalidTemplate, location: name, detail: "unreadable: \(error)")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw ReportTemplatesError(kind: .invalidTemplate, location: name, detail: "\(error)")
            }
        }
        self.library = library
        names = files.map(\.name)
    }

    /// The templates shipped with this module, loaded once per process.
    public static func shipped() throws -> ReportTemplates {
        try shippedResult.get()
    }

    /// Renders the template `name` with `context` (structs, dictionaries and arrays are read by property name).
    public func render(_ name: String, _ context: Any) throws -> String {
        guard let rendered = library.render(context, withTemplate: name) else {
            throw ReportTemplatesError(kind: .unknownTemplate, location: name, detail: names.joined(separator: ", "))
        }
        return rendered
    }

    /// Renders one of the shipped templates.
    public static func render(_ name: String, _ context: Any) throws -> String {
        try shipped().render(name, context)
    }

    private static let shippedResult: Result<ReportTemplates, ReportTemplatesError> = {
        do {
            return .success(try ReportTemplates(directory: try ReportResourceBundle.templatesDirectory()))
        } catch let error as ReportTemplatesError {
            return .failure(error)
        } catch {
            return .failure(
                ReportTemplatesError(kind: .missingTemplates, location: "the Reports resource bundle", detail: "\(error)"))
        }
    }()

    /// `(name, file)` pairs sorted by name, so loading (and any error) is the same on every machine.
    private static func templateFiles(under directory: URL) -> [(name: String, url: URL)] {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [(name: String, url: URL)] = []
        for case let url as URL in enumerator where url.pathExtension == "mustache" {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(root.path + "/") else { continue }
            let relative = String(path.dropFirst(root.path.count + 1).dropLast(".mustache".count))
            files.append((relative, url))
        }
        return files.sorted { $0.name < $1.name }
    }
}
