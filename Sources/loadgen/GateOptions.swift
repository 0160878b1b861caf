import ArgumentParser
import Foundation
import Reports

/// What `loadgen gate` and `loadgen ab` share: how strict the judgement is, and where its result goes.
struct GateOptions: ParsableArguments {
    @Option(name: .customLong("max-regression"), help: "Tolerated worsening, e.g. 10%.")
    var maxRegression: Percentage = Percentage(argument: "10%")!

    @Option(
        name: .customLong("min-error-rate-change"),
        help: "The smallest error-rate rise (or check-rate drop) that can fail, in percentage points, e.g. 0.5%.")
    var minErrorRateChange: Percentage = Percentage(argument: "0.5%")!

    @Flag(
        name: .customLong("allow-different"),
        help: "Judge runs even if they applied different load (scenario, phases, rates, requests).")
    var allowDifferent = false

    @Option(help: "Write the gate result as JSON to this file.")
    var json: String?

    @Option(help: "Write one JUnit test case per judged metric to this file.")
    var junit: String?

    var settings: GateSettings { GateSettings(margin: maxRegression.ratio, errorRateFloor: minErrorRateChange.ratio) }

    /// Builds the report; unlike or unusable runs are a usage error (exit 2), an unreadable store exit 3.
    func judge(_ build: () throws -> GateReport) throws -> GateReport {
        do {
            return try build()
        } catch let error as GateError {
            throw CommandFailure.usage("\(error)")
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
    }

    /// Prints the table, writes the files asked for, and exits 1 when something regressed.
    func publish(_ report: GateReport, footer: String? = nil) throws {
        print(report.table(), terminator: "")
        if let footer { print(footer) }
        if let json { try StoreAccess.write(String(decoding: try report.encoded(), as: UTF8.self), to: json) }
        if let junit { try StoreAccess.write(JUnitDocument(gate: report).render(), to: junit) }
        if !report.passed { throw ExitCode(1) }
    }
}
