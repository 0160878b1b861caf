import Chaos
import Testing

/// Every fault kind refuses bad parameters, saying where and what to write instead.
struct FaultParsingTests {
    /// Parameters that make each kind valid, so the unknown-key test changes only one thing.
    static let valid: [String: [String: String]] = [
        "latency": ["latency": "100"], "bandwidth": ["rate": "64"], "slow_close": ["delay": "10"], "timeout": [:],
        "reset_peer": [:], "slicer": ["average_size": "64"], "limit_data": ["bytes": "1000"], "http_abort": [:],
        "http_delay": ["delay": "50"], "proxy_down": [:], "kill": [:], "freeze": [:], "restart": [:], "disk_full": [:],
        "disk_read_only": [:], "packet_drop": ["percentage": "10"], "connection_reset": [:],
    ]

    @Test func catalogListsEveryKindOnceWithItsParameters() {
        #expect(FaultCatalog.names == Self.valid.keys.sorted())
        for kind in FaultCatalog.all {
            let help = (kind as? any DescribedFault.Type)?.parameterHelp ?? []
            #expect(!help.isEmpty, "\(kind.name) lists no parameters")
            #expect(!kind.summary.isEmpty)
        }
    }

    @Test(arguments: FaultCatalog.names)
    func everyKindParsesValidParametersAndRejectsUnknownOnes(name: String) throws {
        let kind = try #require(FaultCatalog.kind(named: name))
        var values = try #require(Self.valid[name])
        _ = try kind.init(parameters: parameters(values))
        values["bogus"] = "1"
        do {
            _ = try kind.init(parameters: parameters(values))
            Issue.record("\(name) accepted an unknown parameter")
        } catch {
            #expect(error.kind == .invalidParameter)
            #expect(error.message.hasPrefix("chaos[0].fault: unknown parameter 'bogus'; expected one of"))
        }
    }

    @Test(
        arguments: [
            ("latency", [:], "chaos[0].fault: missing 'latency'; add e.g. 'latency: 100'"),
            ("latency", ["latency": "fast"], "chaos[0].fault.latency: 'fast' is not a whole number"),
            (
                "latency", ["latency": "10", "stream": "sideways"],
                "chaos[0].fault.stream: 'sideways' is not one of downstream, upstream"
            ),
            ("latency", ["latency": "10", "toxicity": "2"], "chaos[0].fault.toxicity: 2 is outside 0.0...1.0"),
            ("bandwidth", [:], "chaos[0].fault: missing 'rate'; add e.g. 'rate: 100'"),
            ("slow_close", [:], "chaos[0].fault: missing 'delay'; add e.g. 'delay: 100'"),
            ("timeout", ["timeout": "-1"], "chaos[0].fault.timeout: -1 is outside 0...3600000"),
            ("reset_peer", ["timeout": "x"], "chaos[0].fault.timeout: 'x' is not a whole number"),
            (
                "slicer", ["average_size": "10", "size_variation": "10"],
                "chaos[0].fault.size_variation: 10 must be smaller than average_size (10)"
            ),
            ("limit_data", [:], "chaos[0].fault: missing 'bytes'; add e.g. 'bytes: 100'"),
            ("http_abort", ["status": "99"], "chaos[0].fault.status: 99 is outside 200...599"),
            ("http_delay", ["delay": "5", "percentage": "101"], "chaos[0].fault.percentage: 101 is outside 0...100"),
            ("restart", ["timeout": "0"], "chaos[0].fault.timeout: 0 is outside 1...3600"),
            ("packet_drop", ["percentage": "0"], "chaos[0].fault.percentage: 0 is outside 1...100"),
            ("connection_reset", ["port": "70000"], "chaos[0].fault.port: 70000 is outside 1...65535"),
        ] as [(String, [String: String], String)])
    func badParametersSayWhatToWrite(name: String, values: [String: String], message: String) throws {
        let kind = try #require(FaultCatalog.kind(named: name))
        #expect(throws: FaultError(.invalidParameter, message)) { _ = try kind.init(parameters: parameters(values)) }
    }
}

/// A scenario's fault name maps to exactly one kind; an unknown one lists them all.
struct FaultCatalogMakeTests {
    @Test func buildsTheNamedFaultOrListsTheKnownOnes() throws {
        #expect(try FaultCatalog.fault(named: "latency", parameters: parameters(["latency": "5"])) is LatencyFault)
        #expect(
            throws: FaultError(
                .invalidParameter,
                "chaos[0].fault: unknown fault 'latncy'; expected one of \(FaultCatalog.names.joined(separator: ", "))")
        ) {
            _ = try FaultCatalog.fault(named: "latncy", parameters: parameters([:]))
        }
    }
}
