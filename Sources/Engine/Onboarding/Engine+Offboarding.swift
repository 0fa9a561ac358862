import Domain
import Foundation
import Storage

/// What is about to be deleted: how many LIS the tenant has, and how many of them have not taken their
/// sealed approved-objectives record since the termination. Deleting needs a confirmation naming that
/// number.
package struct DeletionCheck: Sendable, Equatable {
    package let trainees: Int
    package let notTaken: Int

    package init(trainees: Int, notTaken: Int) {
        self.trainees = trainees
        self.notTaken = notTaken
    }
}

extension Engine {
    /// Data return, for the administrator's and the operator's door alike: the export, its sealed
    /// statement, and the statement mailed to the administrator.
    func returnTenantData(_ id: TenantID, actor: String) async throws -> SealedDocument {
        let (newID, baseURL) = (self.newID, publicBaseURL)
        let sealed = try await offboarding.returnData(
            id, seal: seal, actor: actor, exportID: newID(), statementID: newID(), at: now()
        ) { tenant, sealed, recipient in AgreementMail.statement(tenant: tenant, sealed: sealed, recipient: recipient, baseURL: baseURL, id: newID()) }
        mail.registry()
        logger.info("tenant data returned", metadata: ["tenant": "\(id)"])
        return sealed
    }

    /// How many LIS would lose a record they have not taken, for a tenant that may be deleted now.
    func deletionCheck(_ id: TenantID) async throws -> DeletionCheck {
        let tenant = try registry.requireTenant(id)
        try tenant.checkClosed(at: now())
        let terminatedAt = try registry.events(of: id).last { $0.action == "terminate" }?.at ?? .distantPast
        let counts = try await store.withDatabase(id) { database in try database.recordsNotTaken(since: terminatedAt) }
        return DeletionCheck(trainees: counts.trainees, notTaken: counts.notTaken)
    }

    /// Deletion, only with a confirmation that names how many LIS have not taken their record: a LIS's
    /// documentation is what their specialist approval rests on, and it cannot be brought back.
    func deleteTenantData(_ id: TenantID, confirmingNotTaken confirmed: Int?, actor: String) async throws
        -> SealedDocument
    {
        let check = try await deletionCheck(id)
        guard confirmed == check.notTaken else {
            throw AgreementError.deletionNotConfirmed(notTaken: check.notTaken, trainees: check.trainees)
        }
        let (newID, baseURL) = (self.newID, publicBaseURL)
        let sealed = try await offboarding.deleteData(id, seal: seal, actor: actor, statementID: newID(), at: now()) {
            tenant, sealed, recipient in AgreementMail.statement(tenant: tenant, sealed: sealed, recipient: recipient, baseURL: baseURL, id: newID())
        }
        mail.registry()
        logger.info("tenant data deleted", metadata: ["tenant": "\(id)", "recordsNotTaken": "\(check.notTaken)"])
        return sealed
    }
}
