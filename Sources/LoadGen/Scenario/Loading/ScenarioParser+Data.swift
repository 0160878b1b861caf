import Foundation

/// `data:` (named feeds of values) and the `{{…}}` placeholders of requests that draw from them.
extension ScenarioParser {
    static let dataFeedKeys = ["file", "mode", "seed"]

    /// Every feed, with its fields read from its file now, so a placeholder naming a field that is not there is an
    /// error with its position before anything runs.
    func dataFeeds(from field: ScenarioField) -> [DataFeedSpec]? {
        let checkpoint = diagnostics.checkpoint
        guard let feeds = field.anyKeyMapping(of: "data feed names to { file, mode }") else { return nil }
        var specs: [DataFeedSpec] = []
        for (name, value) in feeds.fields {
            let usable =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                        || "_-".unicodeScalars.contains($0)
                }
            guard usable else {
                value.fail(
                    "'\(name)' is not a usable feed name: use letters, digits, '_' and '-' (a '.' would end it in {{FEED.FIELD}})"
                )
                continue
            }
            guard let feed = value.mapping(keys: Self.dataFeedKeys) else { continue }
            guard let file = feed.required("file")?.substituted(environment, expected: "a CSV or JSON lines file") else {
                continue
            }
            let modeName = feed["mode"]?.choice(["sequential", "random", "unique"], what: "mode") ?? "sequential"
            let seed = feed["seed"]?.int(atLeast: 0)
            if seed != nil, modeName != "random" { feed["seed"]?.fail("applies only to mode: random") }
            let mode: DataFeedSpec.Mode =
                switch modeName {
                case "random": .random(seed: UInt64(seed ?? 1))
                case "unique": .unique
                default: .sequential
                }
            let path = file.hasPrefix("/") ? file : baseDirectory.appendingPathComponent(file).path
            do {
                let data = try DataFile.load(path: path)
                specs.append(DataFeedSpec(name: name, file: file, mode: mode, fields: data.fields))
            } catch {
                feed["file"]?.fail("\(error) (the path is relative to the scenario file's directory)")
            }
        }
        return diagnostics.hasErrors(since: checkpoint) ? nil : specs
    }

    /// Checks the placeholders of `text` against the feeds; fails `field` with the first problem.
    func checkPlaceholders(in text: String, at field: ScenarioField, what: String, feeds: [DataFeedSpec]) {
        switch TextTemplate.parse(text) {
        case .failure(let error):
            field.fail("\(what): \(error)")
        case .success(let template):
            for case .field(let feedName, let name) in template.pieces {
                guard let feed = feeds.first(where: { $0.name == feedName }) else {
                    let known =
                        feeds.isEmpty ? "none is defined under data:" : "defined: " + feeds.map(\.name).joined(separator: ", ")
                    field.fail("\(what): '{{\(feedName).\(name)}}' names no data feed '\(feedName)' (\(known))")
                    return
                }
                guard feed.fields.contains(name) else {
                    field.fail(
                        "\(what): data feed '\(feedName)' has no field '\(name)'; its fields: \(feed.fields.joined(separator: ", "))"
                    )
                    return
                }
            }
        }
    }
}
