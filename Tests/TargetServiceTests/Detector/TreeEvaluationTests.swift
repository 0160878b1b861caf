import Testing
@testable import TargetService

@Suite("Tree evaluation strategies")
struct TreeEvaluationTests {
    @Test(
        "walking trees node by node finds the same candidates as evaluating small trees whole",
        arguments: ["haarcascades/haarcascade_eye_tree_eyeglasses.xml", "haarcascades/haarcascade_frontalface_alt2.xml"])
    func walkMatchesSpeculation(_ cascadePath: String) throws {
        let cascade = try Fixtures.cascade(cascadePath)
        let image = try Fixtures.grayImage("images/astronaut.jpg")
        let parameters = DetectionParameters(scaleFactor: 1.2, minNeighbors: 0)
        let whole = cascade.rawCandidates(in: image, parameters: parameters)
        let walked = cascade.rawCandidates(in: image, parameters: parameters, speculativeTreeSize: 0)
        #expect(!whole.isEmpty)
        #expect(whole == walked)
    }
}
