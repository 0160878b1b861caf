import ArgumentParser
import Reports

/// `loadgen tag RUN NAME`: names a run so gates and comparisons can use the name.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Point a tag (e.g. 'good') at a stored run, or add the run to the tag's set with --add.",
        discussion: """
            Tagging again moves the tag to the run; --add keeps the tag's runs and adds this one, so `loadgen gate \
            --baseline NAME` reads the set's last runs as a history of the baseline build. Exit codes: 0 tagged; \
            2 usage (unknown run, invalid name, database file missing); 3 database cannot be opened.
            """)

    @Argument(help: ArgumentHelp("The run: an id, 'latest' or an existing tag.", valueName: "run"))
    var runReference: String

    @Argument(help: "The tag: letters, digits, '.', '_', '-', not starting with a digit.")
    var name: String

    @Flag(help: "Add the run to the tag's set of runs (a baseline history) instead of moving the tag.")
    var add = false

    @Option(help: "Results database (SQLite).")
    var db: String = "results/loadgen.sqlite"

    func run() throws {
        let store = try StoreAccess.openExisting(db)
        let id = try StoreAccess.resolve(runReference, option: "RUN", in: store)
        do {
            if add {
                let size = try store.addToTag(runID: id, name: name)
                print("tag '\(name)' += run \(id) (\(size) run\(size == 1 ? "" : "s") in the set)")
            } else if let previous = try store.tag(runID: id, name: name) {
                print("tag '\(name)' moved from run \(previous) to run \(id)")
            } else {
                print("tag '\(name)' -> run \(id)")
            }
        } catch let error as ResultsStoreError where error.kind == .invalidTagName {
            throw CommandFailure.usage("\(error)")
        } catch {
            throw CommandFailure.cannotRead("\(error)")
        }
    }
}
