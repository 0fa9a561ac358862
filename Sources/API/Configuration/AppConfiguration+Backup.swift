import Foundation
import Storage

extension AppConfiguration.Backup {
    /// The settings in Storage's terms; a relative replica folder is taken from the working directory, as
    /// `tenants.directory` is.
    package func settings() throws -> BackupSettings {
        BackupSettings(
            replica: try BackupReplica(url: replicaURL, s3Endpoint: s3Endpoint, s3Region: s3Region),
            syncInterval: syncInterval, monitorInterval: monitorSeconds, niceness: niceness,
            tenantsPerProcess: tenantsPerProcess, checkInterval: checkSeconds,
            litestreamPath: litestreamPath)
    }
}
