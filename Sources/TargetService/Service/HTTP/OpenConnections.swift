import NIOCore
import Synchronization

/// The server's open connections, so that graceful shutdown can ask each to finish its current request and close.
/// A connection accepted after `quiesce()` is asked at once: the accept loop and shutdown race.
final class OpenConnections: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var quiescing = false
    }

    private let state = Mutex(State())

    func insert(_ channel: any Channel) {
        let quiesceNow = state.withLock { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.quiescing
        }
        if quiesceNow { Self.quiesce(channel) }
    }

    func remove(_ channel: any Channel) {
        _ = state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func quiesce() {
        let channels = state.withLock { state in
            state.quiescing = true
            return Array(state.channels.values)
        }
        channels.forEach(Self.quiesce)
    }

    private static func quiesce(_ channel: any Channel) {
        // Hummingbird's connection handler closes an idle connection on this event, a busy one after its response.
        channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
    }
}
