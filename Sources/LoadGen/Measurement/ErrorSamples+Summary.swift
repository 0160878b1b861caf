/// The run summary's view of the error samples: what went wrong, in the transport's or the server's own words.
extension ErrorSamples {
    /// One line per error code seen, with its first message (`tls: TLS: certificate expired on …`); empty when
    /// nothing failed. The report and the store keep every sample; the summary shows enough to act on.
    func summaryLines() -> String {
        var firstByCode: [ErrorCode: String] = [:]
        for key in messages.keys.sorted(by: { ($0.phase, $0.request) < ($1.phase, $1.request) }) {
            guard firstByCode[key.code] == nil, let first = messages[key]?.first else { continue }
            firstByCode[key.code] = first
        }
        guard !firstByCode.isEmpty else { return "" }
        return "error samples (first of each kind; all in the report):\n"
            + firstByCode.keys.sorted { $0.rawValue < $1.rawValue }.map { "  \($0.rawValue): \(firstByCode[$0]!)\n" }.joined()
    }
}
