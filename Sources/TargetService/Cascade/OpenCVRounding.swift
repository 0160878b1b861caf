/// `cvRound`: round half to even, as the x86 conversion instructions OpenCV uses do.
@inline(__always)
func cvRound(_ value: Float) -> Int { Int(value.rounded(.toNearestOrEven)) }

@inline(__always)
func cvRound(_ value: Double) -> Int { Int(value.rounded(.toNearestOrEven)) }
