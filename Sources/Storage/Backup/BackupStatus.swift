import Foundation

/// How the continuous backup is doing, for `/health/ready` and the logs: one entry per Litestream process.
package struct BackupStatus: Sendable, Equatable {
    package enum State: String, Sendable, Comparable {
        /// `backup.enabled` is false.
        case off
        /// Processes started; no heartbeat has reached the replica yet.
        case starting
        /// The last heartbeat reached the replica recently.
        case ok
        /// The replica answers, but the last heartbeat on it is older than it should be.
        case behind
        /// A process died (it is restarted), or the replica cannot be reached or refuses.
        case failing

        private var rank: Int {
            switch self {
            case .off: 0
            case .ok: 1
            case .starting: 2
            case .behind: 3
            case .failing: 4
            }
        }

        package static func < (lhs: State, rhs: State) -> Bool { lhs.rank < rhs.rank }
    }

    package struct Process: Sendable, Equatable {
        package var index: Int
        /// Tenant databases it replicates (the first one also has the registry).
        package var databases: Int
        package var running: Bool
        package var restarts: Int
        /// When the newest heartbeat found on the replica was written: the backup is at least this recent.
        package var lastConfirmedUpload: Date?
        package var state: State
        /// Why it is behind or failing, in Litestream's words where it gave some.
        package var problem: String?
    }

    package var state: State
    package var replica: String
    package var processes: [Process]

    package static let off = BackupStatus(state: .off, replica: "", processes: [])

    /// Seconds since the oldest confirmed upload among the processes (nil before the first).
    package func lagSeconds(at now: Date) -> Double? {
        let confirmed = processes.map(\.lastConfirmedUpload)
        guard !confirmed.isEmpty, !confirmed.contains(nil) else { return nil }
        return confirmed.compactMap { $0 }.min().map { now.timeIntervalSince($0) }
    }
}
