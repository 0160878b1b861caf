/// `requests:`: what is sent (method, path, headers, body) and how often relative to the others (weight).
extension ScenarioParser {
    static let requestKeys = ["name", "method", "path", "headers", "body", "weight", "expect"]
    static let methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]

    /// The parsed requests (nil if any is invalid) and every name that was readable, for SLA references.
    func requests(from field: ScenarioField, feeds: [DataFeedSpec] = []) -> (specs: [RequestSpec]?, names: [String]) {
        let checkpoint = diagnostics.checkpoint
        guard let items = field.sequence(nonEmpty: true, of: "requests") else { return (nil, []) }
        var specs: [RequestSpec] = []
        var names = UniqueNames(kind: "request")
        for item in items {
            guard let request = item.mapping(keys: Self.requestKeys) else { continue }
            let name = request.required("name").flatMap { names.claim($0) }
            if let spec = self.request(request, name: name, feeds: feeds) { specs.append(spec) }
        }
        return (diagnostics.hasErrors(since: checkpoint) ? nil : specs, names.all)
    }

    private func request(_ request: ScenarioMapping, name: String?, feeds: [DataFeedSpec]) -> RequestSpec? {
        let checkpoint = diagnostics.checkpoint
        let method = request["method"]?.choice(Self.methods, what: "method") ?? "GET"
        let path = request.required("path").flatMap(self.path(from:))
        let headers = request["headers"].flatMap(self.headers(from:)) ?? []
        let body = request["body"].flatMap(self.body(from:)) ?? RequestBody.none
        let weight = request["weight"]?.int(atLeast: 1) ?? 1
        let expect = request["expect"].flatMap { expectations(from: $0, body: body) } ?? Expectations()
        // Placeholders ({{FEED.FIELD}}, {{uuid}}, ...) are checked against the feeds here, with their positions.
        if let path, let field = request["path"] { checkPlaceholders(in: path, at: field, what: "path", feeds: feeds) }
        if let field = request["headers"] {
            for header in headers {
                checkPlaceholders(in: header.value, at: field, what: "header '\(header.name)'", feeds: feeds)
            }
        }
        if case .text(let text) = body, let field = request["body"] {
            checkPlaceholders(in: text, at: field, what: "body text", feeds: feeds)
        }
        guard !diagnostics.hasErrors(since: checkpoint), let name, let path else { return nil }
        return RequestSpec(name: name, method: method, path: path, headers: headers, body: body, weight: weight, expect: expect)
    }

    private func path(from field: ScenarioField) -> String? {
        guard let path = field.substituted(environment, expected: "a path such as /v1/detect") else { return nil }
        guard path.hasPrefix("/") else {
            field.fail("'\(path)' must start with '/', e.g. /v1/detect")
            return nil
        }
        return path
    }

    private func headers(from field: ScenarioField) -> [(name: String, value: String)]? {
        let checkpoint = diagnostics.checkpoint
        guard let headers = field.anyKeyMapping(of: "header names to values") else { return nil }
        var result: [(name: String, value: String)] = []
        for (name, value) in headers.fields {
            guard HTTPToken.isValid(name) else {
                value.fail("'\(name)' is not a valid header name")
                continue
            }
            if let text = value.substituted(environment, expected: "a header value") {
                result.append((name, text))
            }
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : result
    }

    private func body(from field: ScenarioField) -> RequestBody? {
        guard let body = field.mapping(keys: ["files", "text", "size"]) else { return nil }
        switch body.present(["files", "text", "size"]) {
        case ["files"]:
            return body["files"].flatMap(files(from:))
        case ["text"]:
            return body["text"]?.string().map(RequestBody.text)
        case ["size"]:
            return body["size"]?.size().map(RequestBody.generated(size:))
        case []:
            if body.misspelt(["files", "text", "size"]) { return nil }
            field.fail("needs one of 'files' (a glob of payload files), 'text' or 'size'")
            return nil
        case let keys:
            field.fail("has \(keys.map { "'\($0)'" }.joined(separator: " and ")); keep one")
            return nil
        }
    }

    private func files(from field: ScenarioField) -> RequestBody? {
        guard let glob = field.scalar(expected: "a file glob such as payloads/images/*.jpg") else { return nil }
        guard !PayloadGlob.files(matching: glob, relativeTo: baseDirectory).isEmpty else {
            field.fail(
                "no regular file matches '\(PayloadGlob.resolvedPattern(glob, relativeTo: baseDirectory))'; "
                    + "the glob is relative to the scenario file's directory")
            return nil
        }
        return .files(glob: glob)
    }
}
