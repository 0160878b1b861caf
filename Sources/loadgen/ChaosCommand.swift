import ArgumentParser
import Chaos
import Foundation
import LoadCore

/// `loadgen chaos`: the fault kinds, the faults active now, and reverting what a killed run left behind.
struct ChaosCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chaos",
        abstract: "Fault kinds, active faults, and `reset` to revert faults a killed run left behind.",
        discussion: """
            Active faults are listed in a state file: --state FILE, else $LOADGEN_CHAOS_STATE, else \
            $XDG_STATE_HOME/loadgen/chaos-state.json, else ~/.local/state/loadgen/chaos-state.json.
            """,
        subcommands: [Reset.self, List.self, Faults.self])

    struct StateOption: ParsableArguments {
        @Option(
            help:
                "The chaos state file (default: $LOADGEN_CHAOS_STATE, $XDG_STATE_HOME/loadgen/chaos-state.json or ~/.local/state/loadgen/chaos-state.json)."
        )
        var state: String?

        var file: ChaosStateFile {
            ChaosStateFile(url: state.map { URL(fileURLWithPath: $0) } ?? ChaosStateFile.defaultURL())
        }
    }

    /// `loadgen chaos reset`: reverts every fault in the state file whose run is gone.
    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Revert the faults a killed run left (nftables tables, frozen processes, filled or read-only data directories, tmpfs mounts).",
            discussion:
                "Exit codes: 0 nothing left to revert; 1 some faults could not be reverted or belong to a running loadgen (see --force); 3 the state file cannot be read."
        )

        @OptionGroup var options: StateOption

        @Flag(help: "Also revert faults whose loadgen is still running.")
        var force = false

        func run() async throws {
            let file = options.file
            let outcomes: [LeftoverReset.Outcome]
            do {
                outcomes = try await LeftoverReset.run(file, force: force)
            } catch {
                throw CommandFailure.cannotRead(error.message)
            }
            if outcomes.isEmpty {
                print("No active faults in \(file.url.path); nothing to revert.")
                return
            }
            for outcome in outcomes {
                let what = LeftoverReset.describe(outcome.entry.record)
                switch outcome.result {
                case .reverted: print("reverted \(what) (left by pid \(outcome.entry.ownerPID))")
                case .skippedOwnerAlive: print("kept \(what): \(outcome.detail)")
                case .failed: print("FAILED to revert \(what): \(outcome.detail)")
                }
            }
            if outcomes.contains(where: { $0.result != .reverted }) {
                throw CommandFailure(description: "some faults in \(file.url.path) are still active (see above)", exitCode: 1)
            }
        }
    }

    /// `loadgen chaos list`: the faults the state file lists as active.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the active faults in the state file.")

        @OptionGroup var options: StateOption

        func run() throws {
            let file = options.file
            let entries: [ChaosStateEntry]
            do {
                entries = try file.entries()
            } catch {
                throw CommandFailure.cannotRead(error.message)
            }
            guard !entries.isEmpty else {
                print("No active faults in \(file.url.path).")
                return
            }
            var rows = [["fault", "owner pid", "owner", "expires", "details"]]
            let formatter = ISO8601DateFormatter()
            for entry in entries {
                rows.append([
                    entry.record.fault, "\(entry.ownerPID)", entry.ownerIsAlive ? "running" : "gone",
                    formatter.string(from: Date(timeIntervalSince1970: entry.record.expiresAt)),
                    entry.record.values.sorted { $0.key < $1.key }.map {
                        "\($0.key)=\($0.value.replacingOccurrences(of: "\n", with: ","))"
                    }
                    .joined(separator: " "),
                ])
            }
            print(TextTable.render(rows), terminator: "")
        }
    }

    /// `loadgen chaos faults`: every fault kind with its summary and parameters.
    struct Faults: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every fault kind a scenario's chaos steps can use.")

        func run() {
            for kind in FaultCatalog.all.sorted(by: { $0.name < $1.name }) {
                print("\(kind.name): \(kind.summary)")
                for parameter in (kind as? any DescribedFault.Type)?.parameterHelp ?? [] {
                    print("    \(parameter)")
                }
            }
            print("\nSee docs/faults.md for what each one needs and how it is reverted.")
        }
    }
}
