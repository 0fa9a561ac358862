import struct Foundation.Date

/// Why a backup command (`kp backup …`) refuses or fails. Each refusal leaves every database as it was:
/// a restore writes into a new file and replaces the tenant's file only once that file is whole.
package enum BackupError: DescribedFailure, Equatable {
    /// `backup.replicaURL` is neither a folder, `file://…` nor `s3://bucket/prefix`.
    case invalidReplicaURL(String)
    /// The replica has nothing for this database (never replicated, or another replica URL).
    case noReplica(database: String)
    /// The replica's history of this database starts after the time asked for.
    case beforeFirstBackup(database: String, at: Date)
    /// The Litestream executable could not be started.
    case litestreamUnavailable(path: String, reason: String)
    /// Litestream failed for another reason (its own words, last line).
    case restoreFailed(database: String, reason: String)
    /// The restored file fails `PRAGMA integrity_check`; it was not put in place.
    case restoredFileDamaged(database: String, reason: String)
    /// The folder to restore into already holds a registry; nothing is overwritten.
    case targetNotEmpty(path: String)

    package var code: String {
        switch self {
        case .invalidReplicaURL: "backup.invalid-replica-url"
        case .noReplica: "backup.no-replica"
        case .beforeFirstBackup: "backup.before-first-backup"
        case .litestreamUnavailable: "backup.litestream-unavailable"
        case .restoreFailed: "backup.restore-failed"
        case .restoredFileDamaged: "backup.restored-file-damaged"
        case .targetNotEmpty: "backup.target-not-empty"
        }
    }

    package var category: FailureCategory {
        switch self {
        case .invalidReplicaURL: .invalid
        case .noReplica, .beforeFirstBackup: .notFound
        case .targetNotEmpty: .conflict
        case .litestreamUnavailable, .restoreFailed, .restoredFileDamaged: .unavailable
        }
    }

    package var detail: String {
        switch self {
        case .invalidReplicaURL(let url):
            "backup.replicaURL '\(url)' is not a folder, a file:// URL or s3://bucket/prefix"
        case .noReplica(let database): "the replica has no backup of \(database); nothing was overwritten"
        case .beforeFirstBackup(let database, let at):
            "the replica has no backup of \(database) as early as \(at.formatted(.iso8601)); nothing was overwritten"
        case .litestreamUnavailable(let path, let reason): "cannot run Litestream ('\(path)'): \(reason)"
        case .restoreFailed(let database, let reason):
            "restoring \(database) failed: \(reason); nothing was overwritten"
        case .restoredFileDamaged(let database, let reason):
            "the restored copy of \(database) fails its integrity check (\(reason)); nothing was overwritten"
        case .targetNotEmpty(let path):
            "\(path) already holds a registry; stop the server and move that folder away, or restore with --to DIR"
        }
    }

    package var message: String {
        switch self {
        case .invalidReplicaURL: "Adressen til sikkerhetskopien er ikke gyldig."
        case .noReplica: "Det finnes ingen sikkerhetskopi av denne databasen. Ingenting er endret."
        case .beforeFirstBackup: "Sikkerhetskopien går ikke så langt tilbake. Ingenting er endret."
        case .litestreamUnavailable: "Programmet for sikkerhetskopi (Litestream) kan ikke startes."
        case .restoreFailed: "Gjenopprettingen mislyktes. Ingenting er endret."
        case .restoredFileDamaged: "Den gjenopprettede kopien er skadet. Ingenting er endret."
        case .targetNotEmpty: "Mappen inneholder allerede data. Ingenting er endret."
        }
    }
}
