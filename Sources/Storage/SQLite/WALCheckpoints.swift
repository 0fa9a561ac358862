/// Who moves a tenant file's WAL back into the database file.
///
/// SQLite checkpoints by itself after every commit that leaves more than 1000 pages in the WAL. Litestream
/// holds a read transaction on each file it replicates, so that no one else checkpoints past what it has
/// copied; then the WAL cannot start over while writes keep coming, and every commit pays for a checkpoint
/// attempt that cannot finish. Measured on one file with a leder's logged reads (each a write): the server's
/// CPU per request rose by 60% and the throughput fell to 0.56 of the same without Litestream; with SQLite's
/// own checkpoints off it held 0.8 or more. Litestream checkpoints the files it replicates itself (from
/// 1000 pages on, and at least once a minute), so while the backup runs, it does; where a Litestream
/// process is down, `BackupSupervisor` checkpoints that process's files.
package enum WALCheckpoints: Sendable, Equatable {
    /// SQLite's automatic checkpoint (every 1000 pages): no backup, or a process that runs no Litestream.
    case sqlite
    /// None from this connection: Litestream replicates the file and checkpoints it.
    case litestream
    /// Almost none from this connection: the server's tenant store checkpoints from a connection of its own
    /// (`TenantStore.runCheckpoints`), so requests do not wait for the copying; only when writes never pause does
    /// this connection move the last few frames itself (`TenantStore.finishThreshold`). A leder's overview writes
    /// fifty access-log lines; with SQLite's own checkpoints every thirteenth overview paid for moving 1000 pages
    /// and took twice as long (12.6–13.5 ms against 6.0, measured one request at a time): that was the p99.
    case background
}
