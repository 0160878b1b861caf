import Testing
@testable import LoadGen

@Suite struct BoxMatchingTests {
    @Test func iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
        #expect(BoxMatching.iou([0, 0, 10, 10], [0, 0, 10, 10]) == 1)
        #expect(BoxMatching.iou([0, 0, 10, 10], [20, 20, 10, 10]) == 0)
        #expect(BoxMatching.iou([0, 0, 10, 10], [10, 0, 10, 10]) == 0)
        // Overlap 5×10 = 50, union 150.
        #expect(BoxMatching.iou([0, 0, 10, 10], [5, 0, 10, 10]) == 50.0 / 150.0)
        // A box inside another: 25 / 100.
        #expect(BoxMatching.iou([0, 0, 10, 10], [2, 2, 5, 5]) == 0.25)
    }

    @Test func iouOfMalformedOrEmptyBoxesIsZero() {
        #expect(BoxMatching.iou([0, 0, 10], [0, 0, 10, 10]) == 0)
        #expect(BoxMatching.iou([0, 0, 0, 0], [0, 0, 0, 0]) == 0)
    }

    @Test func exactBoxesMatch() {
        let boxes = [[155, 104, 224, 224], [10, 10, 30, 30]]
        #expect(BoxMatching.matches(expected: boxes, actual: boxes.reversed(), minimumIoU: 0.5))
    }

    @Test func shiftedBoxMatchesOnlyWithinTheIoU() {
        // Shifted by 20 px: overlap 204×224 over union 244×224, IoU ≈ 0.836.
        #expect(BoxMatching.matches(expected: [[155, 104, 224, 224]], actual: [[175, 104, 224, 224]], minimumIoU: 0.5))
        #expect(!BoxMatching.matches(expected: [[155, 104, 224, 224]], actual: [[175, 104, 224, 224]], minimumIoU: 0.9))
    }

    @Test func extraOrMissingBoxesFail() {
        let golden = [[0, 0, 10, 10]]
        #expect(!BoxMatching.matches(expected: golden, actual: golden + [[50, 50, 10, 10]], minimumIoU: 0.5))
        #expect(!BoxMatching.matches(expected: golden + [[50, 50, 10, 10]], actual: golden, minimumIoU: 0.5))
        #expect(BoxMatching.matchedCount(expected: golden + [[50, 50, 10, 10]], actual: golden, minimumIoU: 0.5) == 1)
    }

    @Test func oneActualBoxCannotMatchTwoGoldenBoxes() {
        let golden = [[0, 0, 10, 10], [1, 0, 10, 10]]
        let actual = [[0, 0, 10, 10], [100, 100, 10, 10]]
        #expect(BoxMatching.matchedCount(expected: golden, actual: actual, minimumIoU: 0.5) == 1)
    }

    @Test func greedyPairsTheBestOverlapsFirst() {
        let golden = [[0, 0, 10, 10], [4, 0, 10, 10]]
        let actual = [[4, 0, 10, 10], [0, 0, 10, 10]]
        #expect(BoxMatching.matches(expected: golden, actual: actual, minimumIoU: 0.9))
    }

    @Test func emptyBothMatches() {
        #expect(BoxMatching.matches(expected: [], actual: [], minimumIoU: 0.5))
    }
}
