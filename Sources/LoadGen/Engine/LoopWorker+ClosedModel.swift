import NIOCore

// The closed model: each virtual user sends on its own connection, waits for the response and thinks.
extension LoopWorker {
    func adjustUsers(phase: Int) {
        guard phase == currentPhase, !stopRequested, let schedule = userSchedule else { return }
        let elapsed = Duration.nanoseconds(Int64(Self.now() &- timeline.start(of: phase)))
        let total = segment.share(of: schedule.users(at: elapsed))
        setActiveUsers(VirtualUsers.share(of: total, loopIndex: loopIndex, loopCount: loopCount))
        if case .rampingUsers = phases[phase].load {
            loop.scheduleTask(in: .milliseconds(100)) { self.adjustUsers(phase: phase) }
        }
    }

    func setActiveUsers(_ count: Int) {
        for user in virtualUsers.setActive(count) { userSend(user, intended: Self.now()) }
    }

    func userSend(_ user: VirtualUser, intended: UInt64) {
        guard user.isActive, currentPhase >= 0, !stopRequested else {
            user.isBusy = false
            return
        }
        user.isBusy = true
        let phase = currentPhase
        let (request, variant) = rotation.next()
        var inFlight = Connection.InFlight(phase: phase, request: request, variant: variant, intended: intended, sent: 0)
        guard render(&inFlight) else {
            user.isBusy = false
            userContinue(user, afterError: true)
            return
        }
        if let connection = user.connection, connection.isConnected {
            issue(inFlight, on: connection)
        } else {
            recorder.recordSent(phase: phase, request: request, at: Self.now())
            inFlightCount += 1
            _ = openConnection(first: inFlight, user: user)
        }
    }

    func userContinue(_ user: VirtualUser, afterError: Bool) {
        let think = userSchedule?.think ?? .zero
        // After a connection error, pause briefly so a dead target is not hammered in a tight loop.
        let pause = afterError ? max(think, .milliseconds(10)) : think
        if pause == .zero {
            userSend(user, intended: Self.now())
        } else {
            let due = Self.now() + UInt64(pause.nanoseconds)
            loop.scheduleTask(deadline: .uptimeNanoseconds(due)) { self.userSend(user, intended: due) }
        }
    }
}
