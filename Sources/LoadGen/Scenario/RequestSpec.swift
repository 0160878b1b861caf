/// One kind of request the scenario sends, with what its response must satisfy.
public struct RequestSpec: Sendable, Equatable {
    public var name: String
    public var method: String
    /// Path and query, e.g. `/v1/detect`; joined to the target's base URL.
    public var path: String
    /// Header names as written; order kept.
    public var headers: [(name: String, value: String)]
    public var body: RequestBody
    /// Relative share of this request among all requests of the scenario (default 1).
    public var weight: Int
    public var expect: Expectations

    public init(
        name: String, method: String = "GET", path: String, headers: [(name: String, value: String)] = [],
        body: RequestBody = .none, weight: Int = 1, expect: Expectations = Expectations()
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.weight = weight
        self.expect = expect
    }

    public static func == (lhs: RequestSpec, rhs: RequestSpec) -> Bool {
        lhs.name == rhs.name && lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
            && lhs.body == rhs.body && lhs.weight == rhs.weight && lhs.expect == rhs.expect
    }
}

/// Where a request's body comes from.
public enum RequestBody: Sendable, Equatable {
    case none
    /// A literal string.
    case text(String)
    /// A glob of files (relative to the scenario file), loaded once and rotated per request.
    case files(glob: String)
    /// `size` bytes of filler, for oversized-body tests without a file on disk.
    case generated(size: Int)
}

/// What a response must satisfy. Status failures are errors (`http_4xx`/`http_5xx`); the rest are check failures.
public struct Expectations: Sendable, Equatable {
    public var status: StatusExpectation
    public var headers: [HeaderExpectation]
    public var json: [JSONExpectation]
    public var detections: DetectionsExpectation?

    public init(
        status: StatusExpectation = .successful, headers: [HeaderExpectation] = [], json: [JSONExpectation] = [],
        detections: DetectionsExpectation? = nil
    ) {
        self.status = status
        self.headers = headers
        self.json = json
        self.detections = detections
    }

    /// True when checks need the response body (JSON paths or detections).
    public var needsBody: Bool { !json.isEmpty || detections != nil }
}

/// Accepted status codes: exact values and/or classes such as `2xx`.
public struct StatusExpectation: Sendable, Equatable {
    public var codes: Set<Int>
    /// Leading digits of accepted classes: 2 for `2xx`.
    public var classes: Set<Int>

    public init(codes: Set<Int> = [], classes: Set<Int> = []) {
        self.codes = codes
        self.classes = classes
    }

    /// The default: 2xx and 3xx, as k6 treats `http_req_failed`.
    public static let successful = StatusExpectation(classes: [2, 3])

    public func accepts(_ status: Int) -> Bool {
        codes.contains(status) || classes.contains(status / 100)
    }
}

/// A header that must be present, optionally with an exact value.
public struct HeaderExpectation: Sendable, Equatable {
    public var name: String
    public var equals: String?

    public init(name: String, equals: String? = nil) {
        self.name = name
        self.equals = equals
    }
}

/// A JSON value at a dotted path (`model`, `detections.0.box`, `image.width`) that must exist or equal a value.
public struct JSONExpectation: Sendable, Equatable {
    public var path: String
    /// nil: the path must exist. Otherwise the JSON text of the expected value (`"face"`, `3`, `true`).
    public var equals: JSONValue?

    public init(path: String, equals: JSONValue? = nil) {
        self.path = path
        self.equals = equals
    }
}

/// A scalar expected in a JSON check.
public enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
}

/// `detections: golden`: boxes per payload file from a golden JSON file, matched at IoU >= `minimumIoU`.
public struct DetectionsExpectation: Sendable, Equatable {
    /// Golden file path, relative to the scenario file.
    public var goldenFile: String
    public var minimumIoU: Double

    public init(goldenFile: String, minimumIoU: Double = 0.5) {
        self.goldenFile = goldenFile
        self.minimumIoU = minimumIoU
    }
}
