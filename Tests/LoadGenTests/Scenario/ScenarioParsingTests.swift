import Foundation
import Testing

@testable import LoadGen

@Suite struct ScenarioParsingTests {
    static let completeScenario = """
        name: burst
        description: 6x bursts on a steady base
        target:
          bundled: { replicas: 2, model: face, workers: 1, queue_depth: 4, ready_timeout: 30s }
        options: { max_connections: 64, connect_timeout: 2s, request_timeout: 1.5s }
        requests:
          - name: detect
            method: POST
            path: /v1/detect
            headers: { content-type: image/jpeg, authorization: "Bearer ${TOKEN}" }
            body: { files: payloads/images/*.jpg }
            weight: 3
            expect:
              status: [200, 2xx]
              headers: { x-model-version: exists, content-type: application/json }
              json: { model: face, "image.width": exists, "detections.0.neighbors": 3, cached: false, note: "exists" }
              detections: golden
          - name: strict
            method: POST
            path: /v1/detect
            body: { files: payloads/images/a.jpg }
            expect: { detections: { golden: payloads/strict.json, iou: 0.6 } }
          - name: health
            path: /healthz
            body: { text: ping }
          - name: oversized
            method: PUT
            path: /v1/detect
            body: { size: 9MB }
            expect: { status: [400, 413] }
        phases:
          - { name: warmup, duration: 10s, arrival: { rate: 5/s } }
          - { name: ramp, duration: 30s, arrival: { rate: 5/s, stages: [ { duration: 20s, target: 50/s } ] } }
          - { name: burst, duration: 30s, arrival: { rate: 10/s, burst: { every: 10s, for: 2s, rate: 60/s } } }
          - { name: poisson, duration: 1m, arrival: { rate: 600/m, poisson: true, seed: 7 } }
          - { name: users, duration: 30s, users: { count: 8, think: 100ms } }
          - { name: rampusers, duration: 30s, users: { start: 1, stages: [ { duration: 10s, target: 16 } ], think: 0ms } }
        sla:
          - { p95: 250ms, p99: 500ms, error_rate: 1% }
          - { phase: burst, request: detect, p50: 100ms, p90: 150ms, p99.9: 1s, max: 2s, check_rate: 99.9%,
              min_throughput: 8/s, max_dropped: 0, abort_on_fail: true, grace: 0.5s }
        """

    static let payloads = [
        "payloads/images/a.jpg": "a", "payloads/images/b.jpg": "b", "payloads/images/golden.json": "{}",
        "payloads/strict.json": "{}",
    ]

    @Test func completeScenarioParsesToTheExpectedModel() throws {
        try withScenarioDirectory(files: Self.payloads) { directory in
            let scenario = try ScenarioInput.parse(
                Self.completeScenario, file: "scenarios/burst.yaml", in: directory, environment: ["TOKEN": "s3cret"])
            let expected = Scenario(
                name: "burst",
                description: "6x bursts on a steady base",
                target: .bundled(
                    BundledTarget(replicas: 2, model: "face", workers: 1, queueDepth: 4, readyTimeout: .seconds(30))),
                requests: [
                    RequestSpec(
                        name: "detect", method: "POST", path: "/v1/detect",
                        headers: [("content-type", "image/jpeg"), ("authorization", "Bearer s3cret")],
                        body: .files(glob: "payloads/images/*.jpg"), weight: 3,
                        expect: Expectations(
                            status: StatusExpectation(codes: [200], classes: [2]),
                            headers: [
                                HeaderExpectation(name: "x-model-version"),
                                HeaderExpectation(name: "content-type", equals: "application/json"),
                            ],
                            json: [
                                JSONExpectation(path: "model", equals: .string("face")),
                                JSONExpectation(path: "image.width"),
                                JSONExpectation(path: "detections.0.neighbors", equals: .number(3)),
                                JSONExpectation(path: "cached", equals: .bool(false)),
                                JSONExpectation(path: "note", equals: .string("exists")),
                            ],
                            detections: DetectionsExpectation(goldenFile: "payloads/images/golden.json"))),
                    RequestSpec(
                        name: "strict", method: "POST", path: "/v1/detect", body: .files(glob: "payloads/images/a.jpg"),
                        expect: Expectations(
                            detections: DetectionsExpectation(goldenFile: "payloads/strict.json", minimumIoU: 0.6))),
                    RequestSpec(name: "health", path: "/healthz", body: .text("ping")),
                    RequestSpec(
                        name: "oversized", method: "PUT", path: "/v1/detect", body: .generated(size: 9 * 1024 * 1024),
                        expect: Expectations(status: StatusExpectation(codes: [400, 413]))),
                ],
                phases: [
                    PhaseSpec(name: "warmup", duration: .seconds(10), load: .constantRate(Rate(perSecond: 5))),
                    PhaseSpec(
                        name: "ramp", duration: .seconds(30),
                        load: .rampingRate(
                            start: Rate(perSecond: 5), stages: [RateStage(duration: .seconds(20), target: Rate(perSecond: 50))])),
                    PhaseSpec(
                        name: "burst", duration: .seconds(30),
                        load: .bursts(
                            base: Rate(perSecond: 10), every: .seconds(10), length: .seconds(2), burstRate: Rate(perSecond: 60))),
                    PhaseSpec(name: "poisson", duration: .seconds(60), load: .poisson(Rate(perSecond: 10), seed: 7)),
                    PhaseSpec(name: "users", duration: .seconds(30), load: .constantUsers(8, think: .milliseconds(100))),
                    PhaseSpec(
                        name: "rampusers", duration: .seconds(30),
                        load: .rampingUsers(start: 1, stages: [UserStage(duration: .seconds(10), target: 16)], think: .zero)),
                ],
                sla: [
                    SLARule(thresholds: [
                        .latency(percentile: .p95, limit: .milliseconds(250)),
                        .latency(percentile: .p99, limit: .milliseconds(500)),
                        .errorRate(0.01),
                    ]),
                    SLARule(
                        phase: "burst", request: "detect",
                        thresholds: [
                            .latency(percentile: .p50, limit: .milliseconds(100)),
                            .latency(percentile: .p90, limit: .milliseconds(150)),
                            .latency(percentile: .p999, limit: .seconds(1)),
                            .latency(percentile: .max, limit: .seconds(2)),
                            .checkRate(0.999),
                            .minThroughput(Rate(perSecond: 8)),
                            .maxDropped(0),
                        ],
                        abortOnFail: true, grace: .milliseconds(500)),
                ],
                options: EngineOptions(maxConnections: 64, connectTimeout: .seconds(2), requestTimeout: .milliseconds(1500)),
                sourceFile: directory.appendingPathComponent("burst.yaml"))
            #expect(scenario == expected)
        }
    }

    @Test func omittedKeysTakeTheirDefaults() throws {
        let scenario = try ScenarioInput.parse(
            """
            name: smoke
            target: { url: "http://127.0.0.1:8080" }
            requests: [ { name: health, path: /healthz } ]
            phases: [ { name: only, duration: 1s, arrival: { rate: 1/s, poisson: false } } ]
            """)
        #expect(scenario.description == "")
        #expect(scenario.target == .url("http://127.0.0.1:8080"))
        #expect(scenario.options == EngineOptions())
        #expect(
            scenario.requests == [
                RequestSpec(name: "health", method: "GET", path: "/healthz", weight: 1, expect: Expectations(status: .successful))
            ])
        #expect(scenario.phases[0].load == .constantRate(Rate(perSecond: 1)))
        #expect(scenario.sla.isEmpty)
    }

    @Test func emptyBundledTargetUsesDefaults() throws {
        let scenario = try ScenarioInput.parse(
            """
            name: smoke
            target: { bundled: {} }
            requests: [ { name: health, path: /healthz } ]
            phases: [ { name: poisson, duration: 1s, arrival: { rate: 1/s, poisson: true } } ]
            """)
        #expect(scenario.target == .bundled(BundledTarget()))
        #expect(scenario.phases[0].load == .poisson(Rate(perSecond: 1), seed: 1))
    }

    @Test func loadReadsTheFileAndResolvesPayloadsBesideIt() throws {
        try withScenarioDirectory(files: Self.payloads.merging(["burst.yaml": Self.completeScenario]) { $1 }) { directory in
            let file = directory.appendingPathComponent("burst.yaml")
            let scenario = try ScenarioLoader.load(file: file, environment: ["TOKEN": "t"])
            #expect(scenario.sourceFile == file.standardizedFileURL)
            #expect(scenario.requests.count == 4)
        }
    }

    @Test func unreadableFileIsOneErrorNamingTheFile() throws {
        #expect {
            try ScenarioLoader.load(file: URL(fileURLWithPath: "/nonexistent-scenario-dir/missing.yaml"), environment: [:])
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix("/nonexistent-scenario-dir/missing.yaml: cannot read the scenario file")
        }
    }
}
