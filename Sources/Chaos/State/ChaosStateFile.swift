import Foundation
import Synchronization

/// The file listing every fault that is active now, so `loadgen chaos reset` can revert what a killed run left.
/// Every change is a read-modify-write under an exclusive `flock` on `FILE.lock` (several runs may share the
/// file), written to a temporary file and renamed over the old one, so a crash never leaves half a file.
///
/// Location: `--state FILE`, else `$LOADGEN_CHAOS_STATE`, else `$XDG_STATE_HOME/loadgen/chaos-state.json`, else
/// `~/.local/state/loadgen/chaos-state.json`.
public final class ChaosStateFile: Sendable {
    public let url: URL
    private let inProcess = Mutex(())

    public init(url: URL) {
        self.url = url
    }

    /// The default location (see the type's comment) for `environment`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let path = environment["LOADGEN_CHAOS_STATE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let stateHome =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".local/state")
        return stateHome.appendingPathComponent("loadgen/chaos-state.json")
    }

    private struct Contents: Codable {
        var faults: [ChaosStateEntry]
    }

    /// Every entry; an absent file means none.
    public func entries() throws(FaultError) -> [ChaosStateEntry] {
        try locked { () throws(FaultError) in try read() }
    }

    public func add(_ entry: ChaosStateEntry) throws(FaultError) {
        try update { $0.append(entry) }
    }

    /// Replaces the record of entry `id` (the injection's real record replaces the placeholder written before it).
    public func replaceRecord(ofEntry id: String, with record: FaultRecord) throws(FaultError) {
        try update { entries in
            for index in entries.indices where entries[index].id == id { entries[index].record = record }
        }
    }

    public func remove(entry id: String) throws(FaultError) {
        try update { $0.removeAll { $0.id == id } }
    }

    /// Applies `change` to the entries under the lock and writes the result; an empty list removes the file.
    public func update(_ change: (inout [ChaosStateEntry]) -> Void) throws(FaultError) {
        try locked { () throws(FaultError) in
            var entries = try read()
            change(&entries)
            try write(entries)
        }
    }

    private func read() throws(FaultError) -> [ChaosStateEntry] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { return [] }
            throw FaultError(.failed, "cannot read the chaos state file \(url.path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(Contents.self, from: data).faults
        } catch {
            throw FaultError(
                .failed,
                """
                the chaos state file \(url.path) is not valid JSON (\(error)). Check it by hand; delete it only once \
                every fault it lists is known to be reverted.
                """)
        }
    }

    private func write(_ entries: [ChaosStateEntry]) throws(FaultError) {
        do {
            if entries.isEmpty {
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                return
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
            try encoder.encode(Contents(faults: entries)).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw FaultError(.failed, "cannot replace \(url.path): \(String(cString: strerror(errno)))")
            }
        } catch let error as FaultError {
            throw error
        } catch {
            throw FaultError(.failed, "cannot write the chaos state file \(url.path): \(error.localizedDescription)")
        }
    }

    /// Runs `body` holding both the in-process lock and an exclusive flock on `FILE.lock`.
    private func locked<T>(_ body: () throws(FaultError) -> T) throws(FaultError) -> T {
        try inProcess.withLock { _ throws(FaultError) -> T in
            let directory = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw FaultError(
                    .failed, "cannot create \(directory.path) for the chaos state file: \(error.localizedDescription)")
            }
            let lockPath = url.path + ".lock"
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                throw FaultError(.failed, "cannot open \(lockPath): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            while flock(descriptor, LOCK_EX) != 0 {
                if errno != EINTR { throw FaultError(.failed, "cannot lock \(lockPath): \(String(cString: strerror(errno)))") }
            }
            return try body()
        }
    }
}
