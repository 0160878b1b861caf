import Testing
@testable import Reports

@Suite struct RunStatusTests {
    @Test func rawValuesAreTheStoredStrings() {
        #expect(RunStatus.allCases.map(\.rawValue) == ["running", "passed", "failed", "aborted"])
    }
}
