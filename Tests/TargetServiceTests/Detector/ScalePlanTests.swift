import Testing
@testable import TargetService

@Suite("Scale plan")
struct ScalePlanTests {
    @Test("an image smaller than the window has no levels")
    func tooSmall() {
        let plan = ScalePlan(imageWidth: 23, imageHeight: 40, windowWidth: 24, windowHeight: 24, parameters: .init())
        #expect(plan.levels.isEmpty)
    }

    @Test("steps are 2 below scale 2 and 1 from there on")
    func steps() {
        let plan = ScalePlan(imageWidth: 200, imageHeight: 200, windowWidth: 24, windowHeight: 24, parameters: .init())
        #expect(plan.levels.first?.scale == 1)
        for level in plan.levels { #expect(level.step == (level.scale >= 2 ? 1 : 2)) }
        #expect(plan.levels.contains { $0.step == 1 })
    }

    @Test("minSize and maxSize bound the box sizes")
    func bounds() {
        let parameters = DetectionParameters(
            minSize: PixelSize(width: 40, height: 40), maxSize: PixelSize(width: 100, height: 100))
        let plan = ScalePlan(imageWidth: 300, imageHeight: 300, windowWidth: 24, windowHeight: 24, parameters: parameters)
        #expect(!plan.levels.isEmpty)
        for level in plan.levels { #expect((40...100).contains(level.boxWidth)) }
    }

    @Test("with no scale in range, the one nearest minSize is used")
    func nearestFallback() {
        let parameters = DetectionParameters(minSize: PixelSize(width: 1000, height: 1000))
        let plan = ScalePlan(imageWidth: 300, imageHeight: 200, windowWidth: 24, windowHeight: 24, parameters: parameters)
        #expect(plan.levels.count == 1)
        #expect(plan.levels[0].boxHeight <= 200)
    }
}
