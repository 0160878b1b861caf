/// Arrivals whose rate moves linearly from `start` through each stage's target, then holds the last target.
///
/// Arrival k is due when the integral of the rate reaches k. Each stage is a linear segment, so that time is found
/// exactly by inverting the segment's quadratic; nothing accumulates from one arrival to the next.
public struct RampingRateSchedule: ArrivalSchedule {
    /// A stretch where the rate changes linearly, with the arrivals owed before it began.
    private struct Segment {
        var start: Double
        var length: Double
        var startRate: Double
        var endRate: Double
        var arrivalsBefore: Double

        var arrivals: Double { (startRate + endRate) / 2 * length }
    }

    public let phaseDuration: Duration
    private let segments: [Segment]
    private var segmentIndex = 0
    private var index = 0

    public init(start: Rate, stages: [RateStage], phaseDuration: Duration) {
        self.phaseDuration = phaseDuration
        var segments: [Segment] = []
        var time = 0.0
        var rate = max(0, start.perSecond)
        var arrivals = 0.0
        for stage in stages {
            let segment = Segment(
                start: time, length: max(0, stage.duration.seconds), startRate: rate,
                endRate: max(0, stage.target.perSecond), arrivalsBefore: arrivals)
            segments.append(segment)
            time += segment.length
            rate = segment.endRate
            arrivals += segment.arrivals
        }
        // The hold after the last stage runs to the phase end (or is empty when the stages outlast the phase).
        let hold = max(0, phaseDuration.seconds - time)
        segments.append(Segment(start: time, length: hold, startRate: rate, endRate: rate, arrivalsBefore: arrivals))
        self.segments = segments
    }

    public mutating func next() -> Duration? {
        let target = Double(index)
        // Arrivals only move forward, so the segment holding arrival k never lies before the previous one's.
        while segmentIndex < segments.count,
            target >= segments[segmentIndex].arrivalsBefore + segments[segmentIndex].arrivals
        {
            segmentIndex += 1
        }
        guard segmentIndex < segments.count else { return nil }
        let segment = segments[segmentIndex]
        let within = Self.timeToReach(target - segment.arrivalsBefore, in: segment)
        guard let offset = ScheduleTime.offset(seconds: segment.start + within, before: phaseDuration) else {
            return nil
        }
        index += 1
        return offset
    }

    /// Solves startRate·t + slope/2·t² = arrivals for t in 0...length.
    private static func timeToReach(_ arrivals: Double, in segment: Segment) -> Double {
        guard arrivals > 0, segment.length > 0 else { return 0 }
        let halfSlope = (segment.endRate - segment.startRate) / (2 * segment.length)
        let rate = segment.startRate
        // 2c / (b + √(b² + 4ac)) is the root of the quadratic without the cancellation the textbook form suffers
        // when the slope is tiny, and it also covers a zero start rate and falling rates.
        let root = (rate * rate + 4 * halfSlope * arrivals).squareRoot()
        let time = 2 * arrivals / (rate + root)
        return min(max(time, 0), segment.length)
    }
}
