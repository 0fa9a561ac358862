import Domain
import Engine
import Foundation
import Identity
import OpenAPIRuntime
import Storage

/// Support's side of the agreement: name the signer, register a paper agreement, countersign, terminate,
/// and see who has not signed the current version.
extension APIHandlers {
    func inviteAdministrator(_ input: Operations.InviteAdministrator.Input) async throws
        -> Operations.InviteAdministrator.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let id = try TenantID(input.path.tenantId)
        let invitation = try await services.engine.agreements.inviteAdministrator(
            id, name: body.name, email: body.email, organisationNumber: body.organisationNumber, actor: scope.actor)
        scope.logger.info("administrator invited", metadata: ["tenant": "\(id)", "invitation": "\(invitation.id)"])
        return .created(.init(body: .json(.init(
            id: invitation.id.uuidString.lowercased(), tenantId: id.rawValue, email: invitation.email,
            expiresAt: invitation.expiresAt))))
    }

    func listTenantAgreements(_ input: Operations.ListTenantAgreements.Input) async throws
        -> Operations.ListTenantAgreements.Output
    {
        _ = try SupportScope.required()
        let tenant = try services.registry.requireTenant(try TenantID(input.path.tenantId))
        return .ok(.init(body: .json(.init(agreements: try services.registry.agreements(of: tenant.id).map { .init($0) }))))
    }

    func listAgreementsAwaitingCountersignature(_ input: Operations.ListAgreementsAwaitingCountersignature.Input)
        async throws -> Operations.ListAgreementsAwaitingCountersignature.Output
    {
        _ = try SupportScope.required()
        return .ok(.init(body: .json(.init(agreements: try services.registry.awaitingCountersignature().map { .init($0) }))))
    }

    func listTenantsNotOnVersion(_ input: Operations.ListTenantsNotOnVersion.Input) async throws
        -> Operations.ListTenantsNotOnVersion.Output
    {
        _ = try SupportScope.required()
        let catalogue = try ContractCatalogue(directory: services.contractsDirectory)
        let version: String
        if let requested = input.query.version {
            guard catalogue.template(requested) != nil else { throw AgreementError.unknownVersion(requested) }
            version = requested
        } else {
            version = try catalogue.currentTemplate(on: services.now().isoDay).version
        }
        let rows = try services.registry.tenantsNotOnVersion(version)
        return .ok(.init(body: .json(.init(
            version: version,
            tenants: rows.map { .init(tenantId: $0.tenant.id.rawValue, name: $0.tenant.name, versionInForce: $0.inForce) }))))
    }

    func uploadPaperAgreement(_ input: Operations.UploadPaperAgreement.Input) async throws
        -> Operations.UploadPaperAgreement.Output
    {
        let scope = try SupportScope.required()
        let id = try TenantID(input.path.tenantId)
        _ = try services.registry.requireTenant(id)
        guard case .pdf(let body) = input.body else { throw AgreementError.scanNotPDF }
        let bytes = try await [UInt8](collecting: body, upTo: services.configuration.http.maxUploadBytes)
        let stored = try await services.engine.agreements.registerPaper(
            id, templateVersion: input.query.templateVersion, signerName: input.query.signerName, pdf: bytes,
            actor: scope.actor)
        scope.logger.info("paper agreement registered", metadata: ["tenant": "\(id)", "agreement": "\(stored.agreement.id)"])
        return .created(.init(body: .json(.init(stored))))
    }

    func countersignAgreement(_ input: Operations.CountersignAgreement.Input) async throws
        -> Operations.CountersignAgreement.Output
    {
        let scope = try SupportScope.required()
        let id = try agreementID(input.path.agreementId)
        let stored = try await services.engine.agreements.countersign(
            id, name: scope.principal.name, personKey: scope.principal.personKey,
            securityLevel: scope.principal.securityLevel, actor: scope.actor)
        scope.logger.info("agreement countersigned", metadata: ["tenant": "\(stored.agreement.tenantID)", "agreement": "\(id)"])
        return .ok(.init(body: .json(.init(stored))))
    }

    func terminateAgreementAsProcessor(_ input: Operations.TerminateAgreementAsProcessor.Input) async throws
        -> Operations.TerminateAgreementAsProcessor.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.agreements.terminate(
            try TenantID(input.path.tenantId), noticeDate: body.noticeDate, reason: body.reason, party: "databehandler",
            actor: scope.actor)
        return .ok(.init(body: .json(.init(tenant))))
    }

    func getSealKey(_ input: Operations.GetSealKey.Input) async throws -> Operations.GetSealKey.Output {
        .ok(.init(body: .json(.init(
            algorithm: PlatformSeal.algorithm, keyId: services.seal.keyID,
            publicKey: Data(services.seal.publicKey).base64EncodedString()))))
    }
}
