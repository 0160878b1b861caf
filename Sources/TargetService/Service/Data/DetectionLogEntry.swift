import Foundation

/// One answered detection, as kept in `detection_log`: which request, when, which model version, how many boxes.
public struct DetectionLogEntry: Sendable, Hashable {
    public var requestID: String
    public var time: Date
    public var model: String
    public var modelVersion: Int
    public var boxCount: Int

    public init(requestID: String, time: Date, model: String, modelVersion: Int, boxCount: Int) {
        self.requestID = requestID
        self.time = time
        self.model = model
        self.modelVersion = modelVersion
        self.boxCount = boxCount
    }
}
