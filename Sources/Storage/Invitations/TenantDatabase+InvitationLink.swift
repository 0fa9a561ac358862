import Domain
import Foundation
import GRDB

extension TenantDatabase {
    /// The invitation an e-mail link's token names, with the LIS it is for: read without changing anything,
    /// so the link's page can say who invites whom to what before the person accepts. Nothing is logged: the
    /// token is the invited person's proof, and no one's data is shown beyond the LIS's name.
    package func invitationForLink(tokenHash: String) throws -> (invitation: Invitation, trainee: Trainee) {
        try queue.read { db in
            guard let invitation = try InvitationRecord.filter(Column("tokenHash") == tokenHash).fetchOne(db)?
                .invitation()
            else { throw InvitationError.unknown }
            return (invitation, try Self.requireTrainee(db, invitation.traineeID))
        }
    }
}
