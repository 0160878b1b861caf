import Chaos
import Testing

/// Network faults add one toxic each to the proxy, in Toxiproxy's shape, and remove exactly that toxic on revert.
struct NetworkFaultTests {
    @Test(
        arguments: [
            ("latency", ["latency": "200", "jitter": "50"], ["latency": 200, "jitter": 50]),
            ("bandwidth", ["rate": "64"], ["rate": 64]),
            ("slow_close", ["delay": "300"], ["delay": 300]),
            ("timeout", ["timeout": "1000"], ["timeout": 1000]),
            ("reset_peer", ["timeout": "5"], ["timeout": 5]),
            (
                "slicer", ["average_size": "64", "size_variation": "16", "delay": "10"],
                ["average_size": 64, "size_variation": 16, "delay": 10]
            ),
            ("limit_data", ["bytes": "4096"], ["bytes": 4096]),
            ("http_abort", ["status": "502", "percentage": "25"], ["status": 502, "percentage": 25]),
            ("http_delay", ["delay": "700", "percentage": "50"], ["delay": 700, "percentage": 50]),
        ] as [(String, [String: String], [String: Int])])
    func addsTheToxicAndRemovesItOnRevert(name: String, values: [String: String], attributes: [String: Int]) async throws {
        let kind = try #require(FaultCatalog.kind(named: name))
        var withCommon = values
        withCommon["stream"] = "upstream"
        withCommon["toxicity"] = "0.5"
        let fault = try kind.init(parameters: parameters(withCommon))
        let proxy = RecordingToxicControl()
        let undo = try await fault.inject(into: environment(proxy: proxy))
        let calls = proxy.calls
        guard calls.count == 1, case .add(let toxic) = calls[0] else {
            Issue.record("expected one addToxic, got \(calls)")
            return
        }
        #expect(toxic.type == name)
        #expect(toxic.attributes == attributes)
        #expect(toxic.stream == .upstream)
        #expect(toxic.toxicity == 0.5)
        #expect(undo.record.fault == name)
        #expect(undo.record.values["toxic"] == toxic.name)
        try await undo.revert()
        #expect(proxy.calls.last == .remove(toxic.name))
    }

    @Test func defaultsAreToxiproxysAndNamesAreUniquePerInjection() async throws {
        let fault = try LatencyFault(parameters: parameters(["latency": "10"]))
        let proxy = RecordingToxicControl()
        _ = try await fault.inject(into: environment(proxy: proxy))
        _ = try await fault.inject(into: environment(proxy: proxy))
        let toxics = proxy.calls.compactMap { call -> Toxic? in if case .add(let toxic) = call { toxic } else { nil } }
        #expect(toxics.count == 2)
        #expect(toxics[0].name != toxics[1].name)
        #expect(toxics[0].stream == .downstream && toxics[0].toxicity == 1 && toxics[0].attributes["jitter"] == 0)
    }

    @Test func proxyDownDisablesAndReenablesTheProxy() async throws {
        let proxy = RecordingToxicControl()
        let undo = try await ProxyDownFault(parameters: parameters([:])).inject(into: environment(proxy: proxy))
        #expect(proxy.calls == [.enabled(false)])
        try await undo.revert()
        #expect(proxy.calls == [.enabled(false), .enabled(true)])
    }

    @Test(arguments: ["latency", "proxy_down", "http_abort"])
    func withoutAProxyTheFaultIsUnsupportedSayingWhy(name: String) async throws {
        let kind = try #require(FaultCatalog.kind(named: name))
        let fault = try kind.init(parameters: parameters(FaultParsingTests.valid[name] ?? [:]))
        do {
            _ = try await fault.inject(into: environment())
            Issue.record("\(name) injected without a proxy")
        } catch {
            #expect(error.kind == .unsupported)
            #expect(error.message.hasPrefix("this fault needs the fault proxy: '\(name)'"))
        }
    }
}
