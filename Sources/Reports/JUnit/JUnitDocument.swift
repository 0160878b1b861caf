import Foundation

/// A JUnit XML report (`<testsuites>`), the format CI systems show as test results.
public struct JUnitDocument: Sendable, Equatable {
    /// One `<testsuite>`.
    public struct Suite: Sendable, Equatable {
        public var name: String
        public var cases: [Case]
        public var properties: [(name: String, value: String)] = []

        public init(name: String, cases: [Case], properties: [(name: String, value: String)] = []) {
            self.name = name
            self.cases = cases
            self.properties = properties
        }

        public static func == (lhs: Suite, rhs: Suite) -> Bool {
            lhs.name == rhs.name && lhs.cases == rhs.cases
                && lhs.properties.map { [$0.name, $0.value] } == rhs.properties.map { [$0.name, $0.value] }
        }
    }

    /// One `<testcase>`; `failure` set when it failed, `error` when it could not be judged properly.
    public struct Case: Sendable, Equatable {
        public var classname: String
        public var name: String
        public var failure: Problem?
        public var error: Problem?

        public init(classname: String, name: String, failure: Problem? = nil, error: Problem? = nil) {
            self.classname = classname
            self.name = name
            self.failure = failure
            self.error = error
        }
    }

    /// A `<failure>` or `<error>`: a one-line message attribute and a longer text body.
    public struct Problem: Sendable, Equatable {
        public var message: String
        public var type: String
        public var details: String

        public init(message: String, type: String, details: String) {
            self.message = message
            self.type = type
            self.details = details
        }
    }

    public var name: String
    public var suites: [Suite]

    public init(name: String, suites: [Suite]) {
        self.name = name
        self.suites = suites
    }

    public var tests: Int { suites.reduce(0) { $0 + $1.cases.count } }
    public var failures: Int { suites.reduce(0) { $0 + $1.cases.filter { $0.failure != nil }.count } }
    public var errors: Int { suites.reduce(0) { $0 + $1.cases.filter { $0.error != nil }.count } }

    /// The XML text, UTF-8, every name and message escaped.
    public func render() -> String {
        let e = XMLEscaping.escape
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"\(e(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for suite in suites {
            let failed = suite.cases.filter { $0.failure != nil }.count
            let errored = suite.cases.filter { $0.error != nil }.count
            xml +=
                "  <testsuite name=\"\(e(suite.name))\" tests=\"\(suite.cases.count)\" failures=\"\(failed)\" errors=\"\(errored)\" skipped=\"0\">\n"
            if !suite.properties.isEmpty {
                xml += "    <properties>\n"
                for property in suite.properties {
                    xml += "      <property name=\"\(e(property.name))\" value=\"\(e(property.value))\"/>\n"
                }
                xml += "    </properties>\n"
            }
            for test in suite.cases {
                xml += "    <testcase classname=\"\(e(test.classname))\" name=\"\(e(test.name))\""
                guard test.failure != nil || test.error != nil else {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                if let failure = test.failure { xml += Self.problem("failure", failure) }
                if let error = test.error { xml += Self.problem("error", error) }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func problem(_ element: String, _ problem: Problem) -> String {
        let e = XMLEscaping.escape
        return
            "      <\(element) message=\"\(e(problem.message))\" type=\"\(e(problem.type))\">\(e(problem.details))</\(element)>\n"
    }
}
