import Domain
import Foundation
import Identity
import Storage

/// The tenant administrator's agreement work (read the offer, sign, fetch the sealed agreement, terminate,
/// take the data back or have it deleted), and a person's own registrations and signer invitations.
///
/// Every operation on a tenant first checks that the caller is that tenant's administrator: the doors only
/// resolve the tenant and the person.
package struct OnboardingDesk: Sendable {
    let engine: Engine

    /// The current template filled in with the tenant's fields, what is on record, and whether a newer
    /// version than the one in force waits for a signature.
    package func offer(_ caller: AdministratorCaller, sealedFiles: Bool) throws -> AgreementOffer {
        guard
            let stored = try engine.registry.agreements(
                of: caller.tenant.id, administeredBy: caller.principal.personKey, sealedFiles: sealedFiles)
        else { throw AgreementError.notAdministrator(caller.tenant.id) }
        let draft = try currentDraft(for: caller.tenant, signer: caller.principal.name)
        let inForce = stored.first { $0.agreement.state == .inForce }
        return AgreementOffer(
            draft: draft, agreements: stored,
            newVersionAwaitsSignature: inForce.map { $0.agreement.templateVersion != draft.template.version } ?? false)
    }

    /// Signs exactly the document the caller was shown (`documentSha256`), at security level 4.
    package func sign(_ caller: AdministratorCaller, templateVersion: String, documentSha256: String) async throws
        -> StoredAgreement
    {
        try requireAdministrator(caller)
        let now = engine.now()
        let catalogue = try engine.contracts.catalogue()
        let current = try catalogue.currentTemplate(on: now.isoDay)
        guard let requested = catalogue.template(templateVersion) else {
            if let reason = catalogue.refused[templateVersion] {
                throw AgreementError.templateRefused(version: templateVersion, reason: reason)
            }
            throw AgreementError.unknownVersion(templateVersion)
        }
        let draft = try catalogue.draft(requested, tenant: caller.tenant, signer: caller.principal.name)
        let principal = caller.principal
        let id = engine.newID()
        let (_, agreement) = try await engine.registry.recordSignature(
            tenant: caller.tenant.id, document: draft.document, actor: caller.actor, at: now
        ) { tenant, existing in
            try Agreement.sign(
                template: requested, current: current, fields: draft.fields, documentHash: draft.documentHash,
                presentedHash: documentSha256, signer: principal, isAdministrator: true, tenant: tenant,
                existing: existing, id: id, at: now)
        }
        engine.logger.info("agreement signed", metadata: ["tenant": "\(caller.tenant.id)", "agreement": "\(agreement.id)"])
        return StoredAgreement(agreement: agreement, document: draft.document, sealed: nil)
    }

    /// The countersigned agreement as the sealed file, exactly as it was sealed.
    package func sealedAgreement(_ caller: AdministratorCaller, id: UUID) throws -> String {
        try requireAdministrator(caller)
        let stored = try engine.registry.storedAgreement(id)
        guard stored.agreement.tenantID == caller.tenant.id else { throw AgreementError.unknownAgreement }
        guard let sealed = stored.sealed else { throw AgreementError.notAwaitingCountersignature }
        return sealed
    }

    /// One agreement of the tenant as it was signed: the exact text, both signatures and, once
    /// countersigned, the sealed file; for the printable copy.
    package func agreementRecord(_ caller: AdministratorCaller, id: UUID) throws -> StoredAgreement {
        try requireAdministrator(caller)
        let stored = try engine.registry.storedAgreement(id)
        guard stored.agreement.tenantID == caller.tenant.id else { throw AgreementError.unknownAgreement }
        return stored
    }

    /// Termination by the controller (behandlingsansvarlig).
    package func terminate(_ caller: AdministratorCaller, noticeDate: String, reason: String?) async throws -> Tenant {
        try requireAdministrator(caller)
        return try await engine.agreements.terminate(
            caller.tenant.id, noticeDate: noticeDate, reason: reason, party: "behandlingsansvarlig", actor: caller.actor)
    }

    /// After the notice date: an export of the tenant's data and a sealed statement that it was returned.
    package func returnData(_ caller: AdministratorCaller) async throws -> SealedDocument {
        try requireAdministrator(caller)
        return try await engine.returnTenantData(caller.tenant.id, actor: caller.actor)
    }

    /// Before deleting: how many LIS have not taken their sealed record since the termination.
    package func deletionCheck(_ caller: AdministratorCaller) async throws -> DeletionCheck {
        try requireAdministrator(caller)
        return try await engine.deletionCheck(caller.tenant.id)
    }

    /// After the notice date: the tenant's files deleted and a sealed statement that they were; only with
    /// `confirmNotTaken` equal to the number of LIS who have not taken their record.
    package func deleteData(_ caller: AdministratorCaller, confirmNotTaken: Int?) async throws -> SealedDocument {
        try requireAdministrator(caller)
        return try await engine.deleteTenantData(caller.tenant.id, confirmingNotTaken: confirmNotTaken, actor: caller.actor)
    }

    /// The sealed return and deletion statements of the tenant.
    package func statements(_ caller: AdministratorCaller) throws -> [(id: String, kind: String, at: Date, sealed: String)] {
        try requireAdministrator(caller)
        return try engine.registry.statements(of: caller.tenant.id)
    }

    /// A file of the latest data export (`tenant.sqlite` or `export.json`), as the path to stream.
    package func exportFile(_ caller: AdministratorCaller, _ file: ExportFile) throws -> URL {
        try requireAdministrator(caller)
        let tenant = try engine.registry.requireTenant(caller.tenant.id)
        // After deletion the exports are gone with the rest: say so, rather than "return the data first".
        if tenant.status == .terminated, !tenant.isProvisioned { throw AgreementError.dataAlreadyDeleted }
        guard let export = try engine.registry.latestExport(of: tenant.id) else { throw AgreementError.noExport }
        return URL(fileURLWithPath: export.folder).appendingPathComponent(file.rawValue)
    }

    /// The files of a data export.
    package enum ExportFile: String, Sendable {
        case database = "tenant.sqlite"
        case json = "export.json"
    }

    // MARK: A person's own registrations and invitations

    /// A logged-in person registers a private virksomhet; support decides.
    package func submitRegistration(
        by principal: Principal, organisationNumber: String, name: String, contactEmail: String, programmes: [String]
    ) async throws -> Registration {
        let now = engine.now()
        let registration = try Registration.submit(
            organisationNumber: organisationNumber, name: name, contactEmail: contactEmail, programmes: programmes,
            by: principal, id: engine.newID(), at: now)
        try await engine.registry.submitRegistration(registration, at: now)
        engine.logger.info("registration submitted", metadata: ["registration": "\(registration.id)"])
        return registration
    }

    /// The registrations the person submitted.
    package func registrations(of principal: Principal) throws -> [Registration] {
        try engine.registry.registrations(by: principal.personKey)
    }

    /// The named signer accepts with the token from the e-mail link and becomes the tenant's administrator.
    package func acceptAdministratorInvitation(by principal: Principal, tenant rawTenant: String, token: String)
        async throws -> Tenant
    {
        let id = try TenantID(rawTenant, field: "tenantId")
        let tenant = try await engine.registry.acceptAdministratorInvitation(
            tenant: id, tokenHash: OneTimeSecret.hash(token), by: principal, at: engine.now())
        engine.logger.info("administrator invitation accepted", metadata: ["tenant": "\(id)"])
        return tenant
    }

    // MARK: -

    func requireAdministrator(_ caller: AdministratorCaller) throws {
        guard try engine.registry.isAdministrator(caller.principal.personKey, of: caller.tenant.id) else {
            throw AgreementError.notAdministrator(caller.tenant.id)
        }
    }

    func currentDraft(for tenant: Tenant, signer: String) throws -> AgreementDraft {
        let catalogue = try engine.contracts.catalogue()
        let template: AgreementTemplate
        do {
            template = try catalogue.currentTemplate(on: engine.now().isoDay)
        } catch {
            engine.logger.error("agreement template not offered", metadata: ["reason": "\(error.detail)"])
            throw error
        }
        return try engine.contracts.draft(template, of: catalogue, tenant: tenant, signer: signer)
    }
}

extension Engine {
    /// The tenant administrator's agreement work, and a person's registrations and signer invitations.
    package var onboarding: OnboardingDesk { OnboardingDesk(engine: self) }
}
