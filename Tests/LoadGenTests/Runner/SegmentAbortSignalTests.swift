import Foundation
import Testing

@testable import LoadGen

/// Segments of a split run tell each other about an abort through the directory they share.
@Suite struct SegmentAbortSignalTests {
    private let startAt = Date(timeIntervalSince1970: 1_796_378_400)

    private func signal(_ index: Int, of count: Int = 3, in directory: URL, startAt: Date? = nil) throws -> SegmentAbortSignal {
        SegmentAbortSignal(
            directory: directory, scenario: "burst", startAt: startAt ?? self.startAt,
            segment: try ExecutionSegment(index: index, count: count), startedAt: Date())
    }

    @Test func anAbortReachesEveryOtherSegmentButNotItsAuthor() throws {
        let directory = try TemporaryDirectory()
        let (zero, one, two) = (
            try signal(0, in: directory.url), try signal(1, in: directory.url), try signal(2, in: directory.url)
        )
        #expect(zero.peerAbort() == nil)
        one.announce("abort_on_fail: burst p99 900ms > 500ms")
        #expect(zero.peerAbort() == "segment 1/3 aborted: abort_on_fail: burst p99 900ms > 500ms")
        #expect(two.peerAbort() == zero.peerAbort())
        #expect(one.peerAbort() == nil)
        // The first abort stays: a second one repeats nothing.
        two.announce("chaos abort condition")
        #expect(zero.peerAbort()?.hasPrefix("segment 1/3") == true)
    }

    @Test func anotherRunsAbortIsNotThisOnes() throws {
        let directory = try TemporaryDirectory()
        try signal(1, in: directory.url, startAt: startAt.addingTimeInterval(-3600)).announce("an hour ago")
        #expect(try signal(0, in: directory.url).peerAbort() == nil)
        // A marker left from before this run started (same key, older file) is ignored too.
        let stale = try signal(1, in: directory.url)
        stale.announce("stale")
        try FileManager.default.setAttributes(
            [.modificationDate: startAt.addingTimeInterval(-60)], ofItemAtPath: stale.file.path)
        #expect(try signal(0, in: directory.url).peerAbort() == nil)
    }
}
