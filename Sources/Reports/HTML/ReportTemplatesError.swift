/// Why the report templates could not be used: which template or folder, and what to do about it.
public struct ReportTemplatesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The resource bundle with the templates is not beside the executable (or its `Templates` folder is empty).
        case missingTemplates
        /// A template file does not parse as Mustache.
        case invalidTemplate
        /// A caller asked for a template name that no file provides.
        case unknownTemplate
    }

    public var kind: Kind
    /// The template name or the folder concerned.
    public var location: String
    public var detail: String

    public var description: String {
        switch kind {
        case .missingTemplates:
            "Report templates not found (looked in \(location)). The `loadgen_Reports` resource bundle must sit beside "
                + "the loadgen executable: copy it from the build directory (`.build/<config>/`) together with the binary."
        case .invalidTemplate:
            "Report template '\(location)' is not valid Mustache: \(detail). Fix the file under Sources/Reports/Templates."
        case .unknownTemplate:
            "No report template named '\(location)'. Known templates: \(detail). Add `\(location).mustache` under "
                + "Sources/Reports/Templates or use one of the known names."
        }
    }
}
