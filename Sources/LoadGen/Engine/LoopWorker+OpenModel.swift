import NIOCore

// The open model: arrivals come due on the phase's schedule whatever the responses do; each goes out on an idle
// pool connection, a new one, or waits (up to max_send_delay) for one to free up.
extension LoopWorker {
    /// Sends every arrival that is due, then arms one timer for the next. Never waits on responses.
    func pumpArrivals() {
        // A send can fail synchronously and close a connection; that path must not start a second pump loop.
        guard !pumping, !stopRequested else { return }
        pumping = true
        defer { pumping = false }
        while let due = pump?.nextDue {
            if due > Self.now() {
                armPumpTimer(for: due)
                return
            }
            pump!.advance()
            if due < timeline.sendableFrom {
                missed(phase: pump!.phase, intended: due)
            } else {
                arrival(phase: pump!.phase, intended: due)
            }
        }
        endPump()
    }

    /// An arrival due before the engine started (a late `--start-at`): dropped, taking its turn in the request mix so
    /// the arrivals that do go out carry the requests they would have.
    private func missed(phase: Int, intended: UInt64) {
        let (request, _) = rotation.next()
        recorder.recordFailure(
            phase: phase, request: request, code: .dropped, intended: intended, at: timeline.sendableFrom,
            message: "due before the generator started (late --start-at)")
    }

    /// Sends what has come due while the loop was busy with I/O. The event loop runs every ready channel before any
    /// timer, so at high rates a batch of responses would otherwise hold a due send back by the whole batch.
    @inline(__always) func sendDueArrivals() {
        if let due = pump?.nextDue, due <= Self.now() { pumpArrivals() }
    }

    func armPumpTimer(for due: UInt64) {
        if let armed = pumpTimer {
            if armed.deadline == due { return }
            armed.task.cancel()
        }
        let task = loop.scheduleTask(deadline: .uptimeNanoseconds(due)) {
            self.pumpTimer = nil
            self.pumpArrivals()
        }
        pumpTimer = (due, task)
    }

    func endPump() {
        pump = nil
        pumpTimer?.task.cancel()
        pumpTimer = nil
    }

    func arrival(phase: Int, intended: UInt64) {
        let (request, variant) = rotation.next()
        var inFlight = Connection.InFlight(phase: phase, request: request, variant: variant, intended: intended, sent: 0)
        guard render(&inFlight) else { return }
        if let connection = pool.takeIdle() {
            issue(inFlight, on: connection)
        } else if pool.canOpen {
            recorder.recordSent(phase: phase, request: request, at: Self.now())
            inFlightCount += 1
            _ = openConnection(first: inFlight)
        } else {
            // Every connection is busy and no new one may be opened now: wait for one, up to max_send_delay.
            waiting.append(inFlight)
        }
    }

    /// Hands a free pool connection the oldest waiting request that can still go out on time; drops the rest.
    /// Returns false when nothing was waiting.
    func serveWaiting(on connection: Connection) -> Bool {
        dropLateWaiting(now: Self.now())
        guard let next = waiting.popOldest() else { return false }
        issue(next, on: connection)
        return true
    }

    func dropLateWaiting(now: UInt64) {
        waiting.removeLate(now: now, limit: UInt64(options.maxSendDelay.nanoseconds)) { late in
            recordDropped(late, at: now)
        }
    }

    func recordDropped(_ late: Connection.InFlight, at now: UInt64) {
        recorder.recordFailure(
            phase: late.phase, request: late.request, code: .dropped, intended: late.intended, at: now, message: nil)
    }
}
