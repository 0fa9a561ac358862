import Foundation

/// The backup as configured (`backup.*`), in the terms Storage needs.
package struct BackupSettings: Sendable, Equatable {
    package var replica: BackupReplica
    /// Seconds between Litestream's uploads of new changes: what a lost disk can lose at most.
    package var syncInterval: Double
    /// Databases one Litestream process replicates; more tenants, more processes.
    package var tenantsPerProcess: Int
    /// How often each process's progress is checked (a heartbeat write, then a look at the replica).
    package var checkInterval: Double
    /// The `litestream` executable; a bare name is looked up in `PATH`.
    package var litestreamPath: String

    package init(
        replica: BackupReplica, syncInterval: Double = 1, tenantsPerProcess: Int = 2000, checkInterval: Double = 15,
        litestreamPath: String = "litestream"
    ) {
        self.replica = replica
        self.syncInterval = syncInterval
        self.tenantsPerProcess = tenantsPerProcess
        self.checkInterval = checkInterval
        self.litestreamPath = litestreamPath
    }
}
