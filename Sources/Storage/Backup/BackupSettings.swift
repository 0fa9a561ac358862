import Foundation

/// The backup as configured (`backup.*`), in the terms Storage needs.
package struct BackupSettings: Sendable, Equatable {
    package var replica: BackupReplica
    /// Seconds between Litestream's uploads of new changes: what a lost disk can lose at most.
    package var syncInterval: Double
    /// Seconds between Litestream's looks at each file for new changes. Each look costs CPU whether or not
    /// the file changed: measured here, 2,000 idle files at 1 s took a third of a core per process. With
    /// thousands of tenants on few cores a longer interval buys CPU back; what a lost disk can lose grows to
    /// about this plus `syncInterval`.
    package var monitorInterval: Double
    /// Databases one Litestream process replicates; more tenants, more processes.
    package var tenantsPerProcess: Int
    /// How often each process's progress is checked (a heartbeat write, then a look at the replica).
    package var checkInterval: Double
    /// The `litestream` executable; a bare name is looked up in `PATH`.
    package var litestreamPath: String

    package init(
        replica: BackupReplica, syncInterval: Double = 1, monitorInterval: Double = 1, tenantsPerProcess: Int = 2000,
        checkInterval: Double = 15, litestreamPath: String = "litestream"
    ) {
        self.replica = replica
        self.syncInterval = syncInterval
        self.monitorInterval = monitorInterval
        self.tenantsPerProcess = tenantsPerProcess
        self.checkInterval = checkInterval
        self.litestreamPath = litestreamPath
    }
}
