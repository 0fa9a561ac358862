import Domain
import Foundation

/// Where Litestream puts the replicas: a folder on this machine (another disk, a mounted share) or an
/// S3-compatible bucket. Every database keeps its path below the tenants folder below the replica's root
/// (`<root>/<tenant-id>/tenant.sqlite`, `<root>/_registry/registry.sqlite`), the layout Litestream's own
/// directory mode uses.
package enum BackupReplica: Sendable, Equatable {
    case folder(URL)
    /// `endpoint` empty: Amazon S3. Credentials are Litestream's to read from the environment
    /// (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`); they never pass through our configuration.
    case s3(bucket: String, prefix: String, endpoint: String, region: String)

    /// `Backups`, `/srv/backup`, `file:///srv/backup` or `s3://bucket/some/prefix`.
    package init(url: String, s3Endpoint: String = "", s3Region: String = "us-east-1") throws(BackupError) {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("s3://") {
            let rest = trimmed.dropFirst("s3://".count)
            let parts = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            guard let bucket = parts.first, !bucket.isEmpty else { throw .invalidReplicaURL(url) }
            let prefix = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: CharacterSet(charactersIn: "/")) : ""
            self = .s3(bucket: String(bucket), prefix: prefix, endpoint: s3Endpoint, region: s3Region)
        } else if trimmed.hasPrefix("file://") {
            let path = String(trimmed.dropFirst("file://".count))
            guard !path.isEmpty else { throw .invalidReplicaURL(url) }
            self = .folder(URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL)
        } else if !trimmed.isEmpty, !trimmed.contains("://") {
            self = .folder(URL(fileURLWithPath: trimmed, isDirectory: true).standardizedFileURL)
        } else {
            throw .invalidReplicaURL(url)
        }
    }

    /// For people and logs; never carries a credential (we never have one).
    package var description: String {
        switch self {
        case .folder(let url): "file://\(url.path)"
        case .s3(let bucket, let prefix, let endpoint, _):
            "s3://\(bucket)/\(prefix)" + (endpoint.isEmpty ? "" : " at \(endpoint)")
        }
    }
}
