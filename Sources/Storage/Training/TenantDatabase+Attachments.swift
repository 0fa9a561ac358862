import Crypto
import Domain
import Foundation
import GRDB

/// Files a LIS attaches to learning activities. Stored once per LIS and hash; an activity refers to one
/// by its hash, and the people who may read the LIS's record (including the supervisor who signs) may
/// download it.
extension TenantDatabase {
    /// Stores a file for the LIS (idempotent for the same bytes) and returns its reference.
    package func storeAttachment(
        _ bytes: [UInt8], filename: String, mediaType: String, traineeID: UUID, by actor: Principal, at now: Date
    ) async throws -> AttachmentReference {
        let reference = try AttachmentReference(
            sha256: SHA256.hash(data: bytes).hexEncoded, filename: filename, mediaType: mediaType, size: bytes.count)
        return try await write { db in
            let access = try TrainingAccess.check(db, traineeID: traineeID, actor: actor, .submitActivity)
            try Self.insertAttachment(db, NewAttachment(reference: reference, bytes: bytes), access: access, at: now)
            return reference
        }
    }

    /// Stores a file for the LIS whose access `access` checked, with its access-log line, in the caller's
    /// transaction. The same bytes stored again are one file (addressed by their SHA-256).
    static func insertAttachment(_ db: Database, _ file: NewAttachment, access: TrainingAccess, at now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO attachment (traineeId, sha256, filename, mediaType, size, bytes, uploadedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [
                access.trainee.id.lowercasedText, file.reference.sha256, file.reference.filename,
                file.reference.mediaType, file.reference.size, Data(file.bytes), now,
            ])
        try access.log(db, .submitActivity, object: "attachment:\(file.reference.sha256.prefix(16)) uploaded", at: now)
    }

    /// The stored file's reference (the caller authorizes), without reading its bytes.
    package func attachmentReference(traineeID: UUID, sha256: String) throws -> AttachmentReference? {
        try queue.read { db in
            try Row.fetchOne(
                db, sql: "SELECT sha256, filename, mediaType, size FROM attachment WHERE traineeId = ? AND sha256 = ?",
                arguments: [traineeID.lowercasedText, sha256]
            ).map { try AttachmentReference(sha256: $0["sha256"], filename: $0["filename"], mediaType: $0["mediaType"], size: $0["size"]) }
        }
    }

    /// The stored file (the caller authorizes and logs the read).
    package func attachment(traineeID: UUID, sha256: String) throws -> (reference: AttachmentReference, bytes: Data)? {
        try queue.read { db in
            try Row.fetchOne(
                db, sql: "SELECT sha256, filename, mediaType, size, bytes FROM attachment WHERE traineeId = ? AND sha256 = ?",
                arguments: [traineeID.lowercasedText, sha256]
            ).map { row in
                (
                    try AttachmentReference(
                        sha256: row["sha256"], filename: row["filename"], mediaType: row["mediaType"], size: row["size"]),
                    row["bytes"]
                )
            }
        }
    }
}
