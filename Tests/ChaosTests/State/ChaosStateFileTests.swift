import Chaos
import Foundation
import Testing

/// The state file: entries survive a round trip, an empty list removes the file, and the default location
/// follows $LOADGEN_CHAOS_STATE, then $XDG_STATE_HOME, then ~/.local/state.
struct ChaosStateFileTests {
    @Test func addReplaceAndRemoveEntries() throws {
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let file = ChaosStateFile(url: scratch.url.appendingPathComponent("nested/chaos-state.json"))
        #expect(try file.entries().isEmpty)
        let entry = ChaosStateEntry(
            id: "1", ownerPID: 42, ownerStartTime: 7, injectedAt: 100,
            record: FaultRecord(fault: "freeze", values: ["state": "injecting"], expiresAt: 160))
        try file.add(entry)
        try file.add(
            ChaosStateEntry(
                id: "2", ownerPID: 42, ownerStartTime: 7, injectedAt: 101, record: FaultRecord(fault: "kill", expiresAt: 161)))
        try file.replaceRecord(ofEntry: "1", with: FaultRecord(fault: "freeze", values: ["processes": "9:9"], expiresAt: 160))
        let reread = try ChaosStateFile(url: file.url).entries()
        #expect(reread.map(\.id) == ["1", "2"])
        #expect(reread[0].record.values == ["processes": "9:9"])
        let json = try String(contentsOf: file.url, encoding: .utf8)
        #expect(json.contains(#""owner_pid" : 42"#) && json.contains(#""expiresAt" : 160"#))
        try file.remove(entry: "1")
        try file.remove(entry: "2")
        #expect(!FileManager.default.fileExists(atPath: file.url.path))
    }

    @Test func aCorruptFileIsReportedNotOverwritten() throws {
        let scratch = try TemporaryDirectory(prefix: "chaos-test")
        let url = scratch.url.appendingPathComponent("chaos-state.json")
        try Data("{not json".utf8).write(to: url)
        let file = ChaosStateFile(url: url)
        #expect(throws: FaultError.self) { try file.entries() }
        #expect(throws: FaultError.self) { try file.remove(entry: "x") }
        #expect(try String(contentsOf: url, encoding: .utf8) == "{not json")
    }

    @Test func defaultLocation() {
        #expect(
            ChaosStateFile.defaultURL(environment: ["LOADGEN_CHAOS_STATE": "/x/state.json", "HOME": "/h"]).path == "/x/state.json"
        )
        #expect(
            ChaosStateFile.defaultURL(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/loadgen/chaos-state.json")
        #expect(ChaosStateFile.defaultURL(environment: ["HOME": "/h"]).path == "/h/.local/state/loadgen/chaos-state.json")
    }
}
