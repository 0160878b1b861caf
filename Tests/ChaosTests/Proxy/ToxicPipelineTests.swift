import NIOCore
import Testing

@testable import Chaos

/// Toxic timing and byte effects on the pure pipeline, driven with injected times (no sleeping).
@Suite struct ToxicPipelineTests {
    let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    func ms(_ value: Int64) -> NIODeadline { start + .milliseconds(value) }

    func data(_ count: Int) -> StreamEvent { .data(ByteBuffer(repeating: 0x61, count: count)) }

    func pipeline(_ type: String, _ attributes: [String: Int], seed: UInt64 = 7) throws -> ToxicPipeline {
        let kind = try #require(ToxicRegistry.kind(named: type))
        let pipeline = ToxicPipeline()
        let stage = kind.makeStage(attributes: attributes, random: SeededRandom(seed: seed))
        pipeline.add(name: type, stage: try #require(stage), at: start)
        return pipeline
    }

    func sizes(_ events: [StreamEvent]) -> [Int] { events.map(\.byteCount) }

    @Test func latencyHoldsEachChunkForItsDelayFromArrival() throws {
        let pipeline = try pipeline("latency", ["latency": 100])
        pipeline.push(data(10), at: start)
        pipeline.push(data(20), at: ms(50))
        #expect(pipeline.advance(to: ms(99)).isEmpty)
        #expect(pipeline.nextDeadline == ms(100))
        #expect(sizes(pipeline.advance(to: ms(100))) == [10])
        #expect(pipeline.advance(to: ms(149)).isEmpty)
        #expect(sizes(pipeline.advance(to: ms(150))) == [20])
    }

    @Test func jitterStaysWithinBoundsAndKeepsOrder() throws {
        let pipeline = try pipeline("latency", ["latency": 100, "jitter": 50])
        for index in 0..<50 { pipeline.push(data(index + 1), at: ms(Int64(index))) }
        var delivered: [Int] = []
        var time: Int64 = 0
        while time <= 300 {
            let out = pipeline.advance(to: ms(time))
            if !out.isEmpty {
                #expect(time >= 50, "nothing can leave before latency - jitter")
            }
            delivered += sizes(out)
            time += 1
        }
        #expect(delivered == Array(1...50))
    }

    @Test func bandwidthPacesDataAtTheRate() throws {
        // 10 KB/s = 10 bytes per ms; 2500 bytes take 250 ms, in pieces of at most 100 ms (1000 bytes).
        let pipeline = try pipeline("bandwidth", ["rate": 10])
        pipeline.push(data(2500), at: start)
        #expect(sizes(pipeline.advance(to: ms(99))) == [])
        #expect(sizes(pipeline.advance(to: ms(100))) == [1000])
        #expect(sizes(pipeline.advance(to: ms(200))) == [1000])
        #expect(sizes(pipeline.advance(to: ms(249))) == [])
        #expect(sizes(pipeline.advance(to: ms(250))) == [500])
    }

    @Test func bandwidthZeroIsUnlimited() throws {
        let pipeline = try pipeline("bandwidth", ["rate": 0])
        pipeline.push(data(100_000), at: start)
        #expect(sizes(pipeline.advance(to: start)) == [100_000])
    }

    @Test func slicerCutsIntoSpacedPiecesOfTheAverageSize() throws {
        let pipeline = try pipeline("slicer", ["average_size": 10, "size_variation": 3, "delay": 1000])
        pipeline.push(data(200), at: start)
        var pieces: [Int] = []
        var steps = 0
        for time in 0...400 {
            let out = sizes(pipeline.advance(to: ms(Int64(time))))
            #expect(out.count <= 1, "one piece per delay (1 ms)")
            pieces += out
            if !out.isEmpty { steps += 1 }
        }
        #expect(pieces.reduce(0, +) == 200)
        #expect(pieces.dropLast().allSatisfy { (7...13).contains($0) })
        #expect(steps == pieces.count)
    }

    @Test func limitDataPassesTheLimitThenCloses() throws {
        let pipeline = try pipeline("limit_data", ["bytes": 10])
        pipeline.push(data(6), at: start)
        pipeline.push(data(6), at: start)
        pipeline.push(data(6), at: start)
        let out = pipeline.advance(to: start)
        #expect(sizes(out) == [6, 4, 0])
        guard case .close = try #require(out.last) else { Issue.record("expected a close after the limit"); return }
    }

    @Test func timeoutDropsDataAndClosesAfterItsTime() throws {
        let pipeline = try pipeline("timeout", ["timeout": 500])
        pipeline.push(data(10), at: ms(10))
        #expect(pipeline.advance(to: ms(499)).isEmpty)
        let out = pipeline.advance(to: ms(500))
        guard out.count == 1, case .close = out[0] else { Issue.record("expected only a close, got \(out)"); return }
    }

    @Test func removingTimeoutCancelsItsCloseAndLetsDataThrough() throws {
        let pipeline = try pipeline("timeout", ["timeout": 500])
        pipeline.push(data(10), at: ms(10))
        #expect(pipeline.advance(to: ms(10)).isEmpty)
        pipeline.remove(name: "timeout", at: ms(100))
        pipeline.push(data(5), at: ms(110))
        #expect(sizes(pipeline.advance(to: ms(1000))) == [5])
        #expect(pipeline.nextDeadline == nil)
    }

    @Test func timeoutZeroNeverCloses() throws {
        let pipeline = try pipeline("timeout", ["timeout": 0])
        pipeline.push(data(10), at: start)
        #expect(pipeline.advance(to: ms(100_000)).isEmpty)
        #expect(pipeline.nextDeadline == nil)
    }

    @Test func resetPeerResetsAfterTheFirstDataAndTimeout() throws {
        let pipeline = try pipeline("reset_peer", ["timeout": 200])
        #expect(pipeline.advance(to: ms(1000)).isEmpty)
        pipeline.push(data(10), at: ms(1000))
        #expect(pipeline.advance(to: ms(1199)).isEmpty)
        let out = pipeline.advance(to: ms(1200))
        guard out.count == 1, case .reset = out[0] else { Issue.record("expected a reset, got \(out)"); return }
    }

    @Test func slowCloseDelaysOnlyTheEnd() throws {
        let pipeline = try pipeline("slow_close", ["delay": 300])
        pipeline.push(data(10), at: start)
        pipeline.push(.end, at: start)
        #expect(sizes(pipeline.advance(to: start)) == [10])
        #expect(pipeline.advance(to: ms(299)).isEmpty)
        let out = pipeline.advance(to: ms(300))
        guard out.count == 1, case .end = out[0] else { Issue.record("expected the end, got \(out)"); return }
    }

    @Test func removingLatencyReleasesHeldDataAtOnce() throws {
        let pipeline = try pipeline("latency", ["latency": 1000])
        pipeline.push(data(10), at: start)
        #expect(pipeline.heldBytes == 10)
        pipeline.remove(name: "latency", at: ms(5))
        #expect(sizes(pipeline.advance(to: ms(5))) == [10])
        #expect(pipeline.isPassthrough)
    }

    @Test func delayedInputKeepsOrder() {
        let pipeline = ToxicPipeline()
        pipeline.push(data(1), at: start, notBefore: ms(100))
        pipeline.push(data(2), at: ms(10))
        #expect(pipeline.advance(to: ms(50)).isEmpty)
        #expect(sizes(pipeline.advance(to: ms(100))) == [1, 2])
    }

    @Test func toxicsChainInOrder() throws {
        let pipeline = try pipeline("latency", ["latency": 100])
        pipeline.add(name: "limit", stage: LimitDataStage(limit: 4), at: start)
        pipeline.push(data(10), at: start)
        #expect(pipeline.advance(to: ms(50)).isEmpty)
        #expect(sizes(pipeline.advance(to: ms(100))) == [4, 0])
    }
}
