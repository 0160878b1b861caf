import Testing
@testable import LoadGen

@Suite struct TargetGuardTests {
    @Test(arguments: [
        "http://127.0.0.1:8080", "http://localhost/", "https://LOCALHOST:8443/v1/detect", "http://127.1.2.3",
        "http://[::1]:9000", "http://localhost.:80",
    ])
    func loopbackTargetsNeedNoPermission(url: String) throws {
        try TargetGuard.check(url: url, commandLineTarget: nil, allowedHosts: [])
    }

    @Test func remoteTargetFromTheScenarioIsRefusedWithTheFlagsToAllowIt() {
        #expect(
            throws: TargetGuardError(
                .remoteHostNotAllowed,
                """
                refusing to send load to staging.example.com: a scenario file alone may only target loopback hosts. \
                Pass --target https://staging.example.com or --allow-host staging.example.com to allow it.
                """)
        ) {
            try TargetGuard.check(url: "https://staging.example.com/v1/detect", commandLineTarget: nil, allowedHosts: [])
        }
    }

    @Test func refusalKeepsThePortInTheSuggestedTarget() {
        #expect(
            throws: TargetGuardError(
                .remoteHostNotAllowed,
                """
                refusing to send load to 10.0.0.7: a scenario file alone may only target loopback hosts. \
                Pass --target http://10.0.0.7:8080 or --allow-host 10.0.0.7 to allow it.
                """)
        ) {
            try TargetGuard.check(url: "http://10.0.0.7:8080", commandLineTarget: nil, allowedHosts: ["other.example.com"])
        }
    }

    @Test(arguments: ["http://128.0.0.1", "http://[::2]", "http://localhost.example.com", "http://0.0.0.0"])
    func nearLoopbackLookalikesAreRemote(url: String) {
        #expect(throws: TargetGuardError.self) {
            try TargetGuard.check(url: url, commandLineTarget: nil, allowedHosts: [])
        }
    }

    @Test func remoteTargetNamedByTargetFlagIsAllowed() throws {
        try TargetGuard.check(
            url: "https://staging.example.com", commandLineTarget: "https://Staging.Example.com:443/", allowedHosts: []
        )
    }

    @Test func remoteTargetNamedByAllowHostIsAllowed() throws {
        try TargetGuard.check(
            url: "https://staging.example.com/v1", commandLineTarget: nil, allowedHosts: ["STAGING.example.com"])
    }

    @Test func targetFlagForAnotherHostDoesNotAllowThisOne() {
        #expect(throws: TargetGuardError.self) {
            try TargetGuard.check(
                url: "https://prod.example.com", commandLineTarget: "https://staging.example.com", allowedHosts: [])
        }
    }

    @Test func otherSchemesAreInvalid() {
        #expect(
            throws: TargetGuardError(
                .invalidURL, "invalid target URL 'ftp://127.0.0.1/': the scheme must be http or https (got 'ftp').")
        ) {
            try TargetGuard.check(url: "ftp://127.0.0.1/", commandLineTarget: nil, allowedHosts: [])
        }
    }

    @Test func urlWithoutHostIsInvalid() {
        #expect(
            throws: TargetGuardError(
                .invalidURL, "invalid target URL 'http:///v1/detect': it names no host; write it like http://127.0.0.1:8080.")
        ) {
            try TargetGuard.check(url: "http:///v1/detect", commandLineTarget: nil, allowedHosts: [])
        }
    }

    @Test func textWithoutSchemeIsInvalid() {
        #expect(
            throws: TargetGuardError(
                .invalidURL, "invalid target URL '127.0.0.1:8080': write it as http://HOST[:PORT] or https://HOST[:PORT].")
        ) {
            try TargetGuard.check(url: "127.0.0.1:8080", commandLineTarget: nil, allowedHosts: [])
        }
    }
}
