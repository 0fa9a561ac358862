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
    /// The CPU priority the Litestream processes run at (`nice`, 0–19). Each process looks at every file of
    /// its share on a timer whether or not it changed; on a busy server those looks should wait for requests,
    /// not requests for them. Measured here with 6,000 idle files in three processes at 1 s: a tenant read
    /// kept 0.38 of its throughput without Litestream at niceness 0, and 0.54 at 10. A backup that falls
    /// behind shows in `/health/ready` and the metrics.
    package var niceness: Int
    /// Databases one Litestream process replicates; more tenants, more processes.
    package var tenantsPerProcess: Int
    /// How often each process's progress is checked (a heartbeat write, then a look at the replica).
    package var checkInterval: Double
    /// The `litestream` executable; a bare name is looked up in `PATH`.
    package var litestreamPath: String

    package init(
        replica: BackupReplica, syncInterval: Double = 1, monitorInterval: Double = 1, niceness: Int = 10,
        tenantsPerProcess: Int = 2000, checkInterval: Double = 15, litestreamPath: String = "litestream"
    ) {
        self.replica = replica
        self.syncInterval = syncInterval
        self.monitorInterval = monitorInterval
        self.niceness = niceness
        self.tenantsPerProcess = tenantsPerProcess
        self.checkInterval = checkInterval
        self.litestreamPath = litestreamPath
    }
}
