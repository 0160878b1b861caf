/// Scans one pyramid row of a stump-based Haar cascade stage by stage instead of window by window.
///
/// Taking one window through every stage before the next (as `CascadeScanner` does for other cascades) loads
/// each stump's offsets, weights and leaves again for every window, and ends every window on a stage branch the
/// CPU cannot predict. Here a stump is loaded once and applied to every window of the row still alive, and a
/// stage ends by compacting the survivors without a branch per window. Each window still gets exactly its own
/// float feature values and its own double stage sum, added in stump order, so every verdict is OpenCV's.
///
/// OpenCV's skip rule — a window rejected by stage 0 skips the next position — depends only on stage-0 verdicts,
/// so stage 0 runs for every non-flat position first and the rule is then applied in row order. The windows it
/// skips had their stage 0 computed for nothing, which costs less than taking the row one window at a time.
struct HaarStumpRowScanner {
    /// A window still alive: its top-left corner in the sum table, its normalisation factor and its stage sum.
    private struct Window {
        var corner: UnsafePointer<Int32>
        var norm: Float
        var sum: Double
    }

    private let cascade: CascadeScanner.Pointers
    private let windows: UnsafeMutablePointer<Window>

    /// Scratch space for rows of up to `positions` windows; call `deallocate` when the scan is done.
    init(_ cascade: CascadeScanner.Pointers, positions: Int) {
        precondition(cascade.isStumpBased && cascade.haarNodes != nil, "a stump-based Haar cascade")
        self.cascade = cascade
        windows = .allocate(capacity: max(positions, 1))
    }

    func deallocate() {
        windows.deallocate()
    }

    /// Evaluates the windows at x = 0, step, 2·step … < `columns` of the row starting at `sum`/`squares` and
    /// calls `accept` with the x of each window that passes every stage, in row order.
    func scanRow(
        sum p: UnsafePointer<Int32>, squares q: UnsafePointer<UInt32>, columns: Int, step: Int,
        accept: (Int) -> Void
    ) {
        let stages = cascade.stages
        let positions = (columns + step - 1) / step
        guard positions > 0, !stages.isEmpty else { return }

        // The variance check for every position (flat windows get 0), then stage 0 for every non-flat one.
        var count = 0
        for i in 0..<positions {
            let norm = CascadeScanner.inverseNorm(cascade, sum: p + i * step, squares: q + i * step) ?? 0
            windows[count] = Window(corner: p + i * step, norm: norm, sum: 0)
            count &+= norm != 0 ? 1 : 0
        }
        var node = cascade.haarNodes!
        runStage(stages[0], from: &node, count: count)

        // OpenCV's walk in row order over the non-flat windows: a flat window moves on by one position, a stage-0
        // reject by two, so a window before `next` was skipped and its stage 0 computed for nothing.
        let firstThreshold = Double(stages[0].threshold)
        var alive = 0
        var next = p
        for slot in 0..<count where windows[slot].corner >= next {
            if windows[slot].sum < firstThreshold {
                next = windows[slot].corner + 2 * step
            } else {
                next = windows[slot].corner + step
                windows[alive] = windows[slot]
                alive += 1
            }
        }
        count = alive

        // The remaining stages over the survivors, compacting after each.
        for stage in stages.dropFirst() {
            guard count > 0 else { return }
            runStage(stage, from: &node, count: count)
            let threshold = Double(stage.threshold)
            var kept = 0
            for k in 0..<count {
                windows[kept] = windows[k]
                kept &+= windows[k].sum >= threshold ? 1 : 0
            }
            count = kept
        }
        for k in 0..<count { accept(windows[k].corner - p) }
    }

    /// Adds each stump of `stage`, in order, to the sums of the first `count` windows, and leaves `node` at the
    /// next stage's first stump. A stump's fields stay in registers while the loop runs over the windows; the
    /// arithmetic per window is `CascadeScanner`'s (OpenCV's): float products in OpenCV's order, double sums.
    @inline(__always)
    private func runStage(
        _ stage: PreparedCascade.Stage, from node: inout UnsafePointer<PreparedCascade.HaarNode>, count: Int
    ) {
        for k in 0..<count { windows[k].sum = 0 }
        let end = windows + count
        for _ in 0..<stage.treeCount {
            let o = node.pointee.o
            let (o0, o1, o2, o3) = (Int(o.0), Int(o.1), Int(o.2), Int(o.3))
            let (o4, o5, o6, o7) = (Int(o.4), Int(o.5), Int(o.6), Int(o.7))
            let w0 = node.pointee.w0, w1 = node.pointee.w1, w2 = node.pointee.w2
            let threshold = node.pointee.threshold
            // The leaf is chosen in float, the comparison's width, so it compiles to a mask, not a branch.
            let left = node.pointee.branch.leftLeaf, right = node.pointee.branch.rightLeaf
            var window = windows
            if w2 == 0 {
                while window < end {
                    let c = window.pointee.corner
                    let value =
                        w0 * Float(c[o0] &- c[o1] &- c[o2] &+ c[o3]) + w1 * Float(c[o4] &- c[o5] &- c[o6] &+ c[o7])
                    window.pointee.sum += Double(value * window.pointee.norm < threshold ? left : right)
                    window += 1
                }
            } else {
                let (o8, o9, o10, o11) = (Int(o.8), Int(o.9), Int(o.10), Int(o.11))
                while window < end {
                    let c = window.pointee.corner
                    let value =
                        w0 * Float(c[o0] &- c[o1] &- c[o2] &+ c[o3]) + w1 * Float(c[o4] &- c[o5] &- c[o6] &+ c[o7])
                        + w2 * Float(c[o8] &- c[o9] &- c[o10] &+ c[o11])
                    window.pointee.sum += Double(value * window.pointee.norm < threshold ? left : right)
                    window += 1
                }
            }
            node += 1
        }
    }
}
