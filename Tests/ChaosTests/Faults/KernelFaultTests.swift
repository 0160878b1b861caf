import Chaos
import Foundation
import Testing

/// Kernel faults as root with nftables: each adds a table of its own that revert deletes. They match only a
/// loopback port the test itself listens on.
@Suite(.serialized) struct KernelFaultTests {
    static var canRun: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/nft") }

    @Test func connectionResetRefusesNewConnectionsUntilReverted() async throws {
        try #require(Self.canRun, "kernel faults need root and nft (make setup); this machine has neither")
        let listener = try LoopbackListener()
        defer { listener.close() }
        #expect(LoopbackListener.connect(port: listener.port) == 0)
        let undo = try await ConnectionResetFault(parameters: parameters([:])).inject(into: environment(port: listener.port))
        let table = try #require(undo.record.values["table"])
        #expect(table.hasPrefix("loadgen_chaos_\(getpid())_"))
        #expect(try nftTables().contains(table))
        #expect(LoopbackListener.connect(port: listener.port) == ECONNREFUSED)
        try await undo.revert()
        #expect(try !nftTables().contains(table))
        #expect(LoopbackListener.connect(port: listener.port) == 0)
    }

    @Test func packetDropAddsItsTableAndRevertDeletesIt() async throws {
        try #require(Self.canRun, "kernel faults need root and nft (make setup); this machine has neither")
        let listener = try LoopbackListener()
        defer { listener.close() }
        let undo = try await PacketDropFault(parameters: parameters(["percentage": "30", "port": "\(listener.port)"])).inject(
            into: environment())
        let table = try #require(undo.record.values["table"])
        let rules = try nft(["list", "table", "inet", table])
        #expect(rules.contains("tcp dport \(listener.port) numgen random mod 100 < 30 drop"), "\(rules)")
        try await undo.revert()
        #expect(try !nftTables().contains(table))
        // Reverting twice (TTL and then an abort) is harmless.
        try await undo.revert()
    }

    @Test func droppingEveryPacketMakesConnectingTimeOutUntilReverted() async throws {
        try #require(Self.canRun, "kernel faults need root and nft (make setup); this machine has neither")
        let listener = try LoopbackListener()
        defer { listener.close() }
        let undo = try await PacketDropFault(parameters: parameters(["percentage": "100"])).inject(
            into: environment(port: listener.port))
        let rules = try nft(["list", "table", "inet", try #require(undo.record.values["table"])])
        #expect(rules.contains("tcp dport \(listener.port) drop"), "\(rules)")
        // Every SYN is dropped, so the connect attempt runs into its (short) send timeout.
        #expect(LoopbackListener.connect(port: listener.port, timeoutSeconds: 1) == EINPROGRESS)
        try await undo.revert()
        #expect(LoopbackListener.connect(port: listener.port) == 0)
    }

    @Test func withoutAPortTheFaultSaysWhatToAdd() async throws {
        await #expect(
            throws: FaultError(
                .invalidParameter, "'packet_drop' needs a port: the run has no target port, so add 'port: N' to the fault")
        ) {
            _ = try await PacketDropFault(parameters: parameters(["percentage": "5"])).inject(into: environment())
        }
    }
}

/// `nft list tables`, as names of inet tables.
func nftTables() throws -> [String] {
    try nft(["list", "tables"]).split(separator: "\n").map { $0.replacingOccurrences(of: "table inet ", with: "") }
}

func nft(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/sbin/nft")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
