import Foundation

/// Checkpoints for the files of a Litestream process that is not running. While the backup is on, the
/// server's connections leave checkpoints to Litestream (`WALCheckpoints.litestream`); a process that died
/// and waits to be restarted, or cannot start at all, checkpoints nothing, and its files' WALs would grow
/// until it runs again. The supervisor does it for them on each check round, for WALs past SQLite's own
/// threshold (1000 pages of 4 KiB).
extension BackupSupervisor {
    static let checkpointThreshold = 1000 * 4096

    func checkpointWhereNoProcessRuns() {
        let stopped = shards.filter { !$0.paused && ($0.process == nil || $0.process?.isRunning == false) }
        var done = 0
        for shard in stopped {
            var paths = shard.tenants.map { directory.databasePath(for: $0) }
            if shard.index == 0 { paths.insert(directory.registryPath, at: 0) }
            for path in paths {
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path + "-wal"),
                    let size = attributes[.size] as? Int, size > Self.checkpointThreshold
                else { continue }
                do {
                    try DatabaseSetup.checkpoint(at: path)
                    done += 1
                } catch {
                    logger.warning("checkpoint of a file without backup failed", metadata: ["process": "\(shard.index)"])
                }
            }
        }
        if done > 0 { logger.notice("checkpointed files whose Litestream process is down", metadata: ["files": "\(done)"]) }
    }
}
