import Foundation
import Testing

@testable import LoadGen

/// `data:` feeds and `{{…}}` placeholders are checked when the scenario loads: every unknown feed, field or
/// built-in, and every unreadable or malformed file, is an error with its position.
@Suite struct DataFeedParsingTests {
    private static let files = [
        "users.csv": "id,name\n1,alice\n2,\"bob, jr\"\n3,\"carol \"\"cc\"\"\"\n",
        "keys.jsonl": "{\"key\": \"k1\", \"n\": 1}\n{\"key\": \"k2\", \"n\": 2}\n",
        "ragged.csv": "a,b\n1,2\n3\n",
    ]

    private static func scenario(
        data: String, path: String = "/", headers: String = "{}", body: String = "{ text: hi }"
    )
        -> String
    {
        """
        name: x
        target: { url: "http://127.0.0.1:9" }
        data: \(data)
        requests: [ { name: r, method: POST, path: "\(path)", headers: \(headers), body: \(body) } ]
        phases: [ { name: steady, duration: 1s, arrival: { rate: 5/s } } ]
        """
    }

    @Test func feedsReadTheirFieldsAndPlaceholdersResolve() throws {
        try withScenarioDirectory(files: Self.files) { directory in
            let scenario = try ScenarioInput.parse(
                Self.scenario(
                    data:
                        "{ users: { file: users.csv }, keys: { file: keys.jsonl, mode: unique }, pick: { file: users.csv, mode: random, seed: 7 } }",
                    path: "/u/{{users.id}}?k={{keys.key}}&s={{sequence}}", headers: "{ x-key: \"{{uuid}}\" }",
                    body: "{ text: \"{{pick.name}} at {{unix_ms}}\" }"),
                in: directory)
            #expect(scenario.data.map(\.name) == ["users", "keys", "pick"])
            #expect(scenario.data[0].fields == ["id", "name"])
            #expect(scenario.data[1].fields == ["key", "n"])
            #expect(scenario.data[1].mode == .unique)
            #expect(scenario.data[2].mode == .random(seed: 7))
        }
    }

    @Test func unknownFeedsFieldsAndPlaceholdersAreLocatedErrors() throws {
        try withScenarioDirectory(files: Self.files) { directory in
            let errors = ScenarioInput.errors(
                Self.scenario(
                    data: "{ users: { file: users.csv } }", path: "/u/{{users.nme}}", headers: "{ x-a: \"{{user.id}}\" }",
                    body: "{ text: \"{{uid}}\" }"),
                in: directory)
            #expect(errors.count == 3, "\(errors)")
            #expect(
                errors.contains {
                    $0.contains("requests[0].path: path: data feed 'users' has no field 'nme'; its fields: id, name")
                }, "\(errors)")
            #expect(
                errors.contains { $0.contains("header 'x-a': '{{user.id}}' names no data feed 'user' (defined: users)") },
                "\(errors)")
            #expect(
                errors.contains {
                    $0.contains(
                        "body text: unknown placeholder '{{uid}}'; use {{FEED.FIELD}} for a data feed or one of uuid, sequence, unix_ms"
                    )
                }, "\(errors)")
        }
    }

    @Test func badFilesAndOptionsAreLocatedErrors() throws {
        try withScenarioDirectory(files: Self.files) { directory in
            let errors = ScenarioInput.errors(
                Self.scenario(
                    data:
                        "{ a: { file: missing.csv }, b: { file: ragged.csv }, c: { file: users.csv, seed: 3 }, d: { file: users.csv, mode: shuffled } }",
                    path: "/{{unclosed"),
                in: directory)
            #expect(errors.contains { $0.contains("data.a.file: cannot read") }, "\(errors)")
            #expect(
                errors.contains { $0.contains("data.b.file:") && $0.contains("row 3: 1 values for the header's 2 fields") },
                "\(errors)")
            #expect(errors.contains { $0.contains("data.c.seed: applies only to mode: random") }, "\(errors)")
            #expect(errors.contains { $0.contains("data.d.mode:") }, "\(errors)")
        }
    }

    @Test func csvFollowsRFC4180() throws {
        try withScenarioDirectory(files: Self.files) { directory in
            let file = try DataFile.load(path: directory.appendingPathComponent("users.csv").path)
            #expect(file.rows == [["1", "alice"], ["2", "bob, jr"], ["3", "carol \"cc\""]])
            let lines = try DataFile.load(path: directory.appendingPathComponent("keys.jsonl").path)
            #expect(lines.fields == ["key", "n"])
            #expect(lines.rows == [["k1", "1"], ["k2", "2"]])
        }
    }
}
