import Domain
import Foundation
import Storage

extension Registry {
    /// Opens a tenant the way the workflow does (a recorded signature, countersigned and sealed), for
    /// tests that need an active tenant but are not about the agreement. Provisions the file if needed.
    @discardableResult
    package func openForTests(
        _ id: TenantID, provisioner: TenantProvisioner, seal: PlatformSeal, at now: Date = Date()
    ) async throws -> Tenant {
        if try !requireTenant(id).isProvisioned {
            _ = try await provisioner.provision(id, actor: "test", at: now)
        }
        let agreementID = UUID()
        _ = try await recordSignature(tenant: id, document: "Testavtale", actor: "test", at: now) { _, _ in
            Agreement(
                id: agreementID, tenantID: id, templateVersion: "v1", templateHash: "test", fields: [:],
                documentHash: "test", channel: .paper,
                signature: AgreementSignature(personKey: nil, name: "Test Signatar", hprNumber: nil, securityLevel: nil, at: now),
                scan: PaperScan(sha256: "test", bytes: 0), countersignature: nil, state: .awaitingCountersignature,
                endedAt: nil)
        }
        let (tenant, _) = try await countersign(
            agreementID,
            by: AgreementSignature(personKey: nil, name: "Test Brukerstøtte", hprNumber: nil, securityLevel: nil, at: now),
            actor: "test", at: now,
            seal: { _, _, document in try seal.seal(kind: "test", content: .string(document)) },
            confirmation: { _, _, _, recipient in OutgoingMail(id: UUID(), recipient: recipient, subject: "test", body: "test") })
        return tenant
    }
}
