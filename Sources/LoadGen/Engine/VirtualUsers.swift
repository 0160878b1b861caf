/// A loop's closed-model users: how many of the phase's users are this loop's, and which users to start or rest
/// when that number changes.
struct VirtualUsers {
    private(set) var users: [VirtualUser] = []

    /// Users are dealt to loops round-robin: loop `loopIndex` of `loopCount` runs users loopIndex,
    /// loopIndex + loopCount, … of the `total` the schedule wants.
    static func share(of total: Int, loopIndex: Int, loopCount: Int) -> Int {
        total > loopIndex ? (total - loopIndex + loopCount - 1) / loopCount : 0
    }

    var activeCount: Int { users.filter(\.isActive).count }

    /// Makes the first `count` users active and the rest inactive (an inactive user finishes its request in flight
    /// and then rests); returns the users that must start sending now (newly active and not already busy).
    mutating func setActive(_ count: Int) -> [VirtualUser] {
        while users.count < count { users.append(VirtualUser(index: users.count)) }
        var starting: [VirtualUser] = []
        for (index, user) in users.enumerated() {
            let wanted = index < count
            if wanted, !user.isActive {
                user.isActive = true
                if !user.isBusy { starting.append(user) }
            } else if !wanted {
                user.isActive = false
            }
        }
        return starting
    }
}
