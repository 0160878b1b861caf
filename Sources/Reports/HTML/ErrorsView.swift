/// Error codes per phase × request with counts and their first distinct messages (response bodies included).
struct ErrorsView {
    /// One code of one phase × request.
    struct Row {
        var phase: String
        var request: String
        var code: String
        var count: Int
        var samples: [String]
    }

    var rows: [Row]
    var hasRows: Bool

    init(_ errors: [ErrorSampleRecord]) {
        rows = errors.map { Row(phase: $0.phase, request: $0.request, code: $0.code, count: $0.count, samples: $0.samples) }
        hasRows = !rows.isEmpty
    }
}
