import Testing

@testable import LoadGen

/// The pure parts of a loop's engine: the waiting queue, the request rotation, the connection pool's caps and the
/// closed-model users' share.
@Suite struct WaitingArrivalsTests {
    private func arrival(_ intended: UInt64) -> Connection.InFlight {
        Connection.InFlight(phase: 0, request: 0, variant: 0, intended: intended, sent: 0)
    }

    @Test func servesOldestFirst() {
        var waiting = WaitingArrivals()
        for time in [10, 20, 30] as [UInt64] { waiting.append(arrival(time)) }
        #expect(waiting.count == 3)
        #expect(waiting.popOldest()?.intended == 10)
        waiting.append(arrival(40))
        #expect([waiting.popOldest(), waiting.popOldest(), waiting.popOldest()].map { $0?.intended } == [20, 30, 40])
        #expect(waiting.popOldest() == nil)
        #expect(waiting.isEmpty)
    }

    @Test func dropsOnlyWhatWaitedLongerThanTheLimit() {
        var waiting = WaitingArrivals()
        for time in [100, 200, 300, 900] as [UInt64] { waiting.append(arrival(time)) }
        var dropped: [UInt64] = []
        // At 450 with a limit of 200: 100 and 200 are more than 200 late; 300 is 150 late and stays.
        waiting.removeLate(now: 450, limit: 200) { dropped.append($0.intended) }
        #expect(dropped == [100, 200])
        #expect(waiting.popOldest()?.intended == 300)
        // An arrival intended after `now` is never late, however the subtraction wraps.
        waiting.removeLate(now: 500, limit: 0) { dropped.append($0.intended) }
        #expect(dropped == [100, 200])
        #expect(waiting.count == 1)
    }

    @Test func removeAllHandsOverEveryWaitingArrival() {
        var waiting = WaitingArrivals()
        for time in 0..<3000 as Range<UInt64> { waiting.append(arrival(time)) }
        // Past the compaction threshold: the order survives compaction.
        for expected in 0..<2000 as Range<UInt64> { #expect(waiting.popOldest()?.intended == expected) }
        var rest: [UInt64] = []
        waiting.removeAll { rest.append($0.intended) }
        #expect(rest == Array(2000..<3000))
        #expect(waiting.isEmpty)
    }
}

@Suite struct RequestRotationTests {
    @Test func weightsAreInterleavedSmoothly() {
        #expect(RequestRotation.interleave(weights: [3, 1]) == [0, 0, 1, 0])
        #expect(RequestRotation.interleave(weights: [1, 1, 1]) == [0, 1, 2])
        #expect(RequestRotation.interleave(weights: [5]) == [0, 0, 0, 0, 0])
    }

    @Test func eachRequestWalksItsOwnVariants() {
        var rotation = RequestRotation(weights: [1, 1], variantCounts: [3, 2])
        let sent = (0..<8).map { _ in rotation.next() }
        #expect(sent.map(\.request) == [0, 1, 0, 1, 0, 1, 0, 1])
        #expect(sent.filter { $0.request == 0 }.map(\.variant) == [0, 1, 2, 0])
        #expect(sent.filter { $0.request == 1 }.map(\.variant) == [0, 1, 0, 1])
    }
}

@Suite struct ConnectionPoolTests {
    private final class Member {}

    @Test func capsConnectionsAndConcurrentConnects() {
        var pool = ConnectionPool<Member>(capacity: 6)
        var members: [Member] = []
        while pool.canOpen {
            let member = Member()
            members.append(member)
            pool.connectStarted(member)
        }
        // Four connects at a time, though the pool may hold six.
        #expect(members.count == ConnectionPool<Member>.maxConcurrentConnects)
        pool.connectEnded()
        pool.connectEnded()
        for _ in 0..<2 {
            let member = Member()
            members.append(member)
            pool.connectStarted(member)
        }
        // Six open: full, whatever the connects.
        for _ in 0..<4 { pool.connectEnded() }
        #expect(pool.open.count == 6)
        #expect(!pool.canOpen)
        pool.remove(members[0])
        #expect(pool.canOpen)
    }

    @Test func idleConnectionsAreReusedNewestFirstAndForgottenWhenRemoved() {
        var pool = ConnectionPool<Member>(capacity: 4)
        let (a, b, c) = (Member(), Member(), Member())
        for member in [a, b, c] {
            pool.connectStarted(member)
            pool.connectEnded()
            pool.makeIdle(member)
        }
        #expect(pool.takeIdle() === c)
        pool.remove(b)
        #expect(pool.takeIdle() === a)
        #expect(pool.takeIdle() == nil)
        #expect(pool.open.count == 2)
        pool.makeIdle(a)
        #expect(pool.takeAllIdle().count == 1)
        #expect(pool.takeIdle() == nil)
    }

    @Test func aPoolHoldsAtLeastOneConnection() {
        #expect(ConnectionPool<Member>(capacity: 0).capacity == 1)
    }
}

@Suite struct VirtualUsersTests {
    @Test func usersAreDealtToLoopsRoundRobin() {
        // 10 users over 4 loops: 3, 3, 2, 2.
        #expect((0..<4).map { VirtualUsers.share(of: 10, loopIndex: $0, loopCount: 4) } == [3, 3, 2, 2])
        #expect((0..<4).map { VirtualUsers.share(of: 2, loopIndex: $0, loopCount: 4) } == [1, 1, 0, 0])
        for total in 0..<50 {
            #expect((0..<3).map { VirtualUsers.share(of: total, loopIndex: $0, loopCount: 3) }.reduce(0, +) == total)
        }
    }

    @Test func onlyNewlyActiveIdleUsersStart() {
        var users = VirtualUsers()
        #expect(users.setActive(3).map(\.index) == [0, 1, 2])
        for user in users.users { user.isBusy = true }
        // Ramping down rests the extra users; they finish what is in flight.
        #expect(users.setActive(1).isEmpty)
        #expect(users.activeCount == 1)
        // User 1 is still busy with its last request: reactivated, it continues its chain rather than starting a second.
        users.users[2].isBusy = false
        #expect(users.setActive(4).map(\.index) == [2, 3])
        #expect(users.activeCount == 4)
    }
}
