import Domain
import Foundation
import GRDB

/// A row of a tenant database's `invitation` table.
struct InvitationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "invitation"

    var id: String
    var traineeId: String
    var role: String
    var email: String
    var tokenHash: String
    var invitedBy: String
    var replacesHolder: Bool
    var createdAt: Date
    var expiresAt: Date
    var state: String
    var decidedAt: Date?
    var acceptedBy: String?

    init(_ invitation: Invitation) {
        id = invitation.id.lowercasedText
        traineeId = invitation.traineeID.lowercasedText
        role = invitation.role.rawValue
        email = invitation.email
        tokenHash = invitation.tokenHash
        invitedBy = invitation.invitedBy
        replacesHolder = invitation.replacesHolder
        createdAt = invitation.createdAt
        expiresAt = invitation.expiresAt
        state = invitation.state.rawValue
        decidedAt = invitation.decidedAt
        acceptedBy = invitation.acceptedBy?.hex
    }

    func invitation() throws -> Invitation {
        guard let id = UUID(hyphenated: id), let trainee = UUID(hyphenated: traineeId), let role = Role(rawValue: role),
            let state = Invitation.State(rawValue: state)
        else { throw StorageError.corruptRow(table: Self.databaseTableName, column: "?") }
        return Invitation(
            id: id, traineeID: trainee, role: role, email: email, tokenHash: tokenHash, invitedBy: invitedBy,
            replacesHolder: replacesHolder, createdAt: createdAt, expiresAt: expiresAt, state: state,
            decidedAt: decidedAt, acceptedBy: try acceptedBy.map { try PersonKey(hex: $0) })
    }
}
