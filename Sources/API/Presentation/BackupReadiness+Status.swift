import Foundation
import Storage

extension Components.Schemas.BackupReadiness {
    init(_ status: BackupStatus, now: Date) {
        self.init(
            state: .init(rawValue: status.state.rawValue) ?? .failing, replica: status.replica,
            lagSeconds: status.lagSeconds(at: now),
            processes: status.processes.map {
                .init(
                    index: $0.index, databases: $0.databases, running: $0.running, restarts: $0.restarts,
                    lastConfirmedUpload: $0.lastConfirmedUpload,
                    state: .init(rawValue: $0.state.rawValue) ?? .failing, problem: $0.problem)
            })
    }
}
