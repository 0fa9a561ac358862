import Domain
import Engine
import Foundation
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
            id, name: body.name, email: body.email, organisationNumber: body.organisationNumber, legalName: body.legalName,
            by: scope.caller)
        scope.logger.info("administrator invited", metadata: ["tenant": "\(id)", "invitation": "\(invitation.id)"])
        return .created(.init(body: .json(.init(
            id: invitation.id.lowercasedText, tenantId: id.rawValue, email: invitation.email,
            expiresAt: invitation.expiresAt))))
    }

    func listTenantAgreements(_ input: Operations.ListTenantAgreements.Input) async throws
        -> Operations.ListTenantAgreements.Output
    {
        let scope = try SupportScope.required()
        let agreements = try services.engine.agreements.agreements(of: try TenantID(input.path.tenantId), by: scope.caller)
        return .ok(.init(body: .json(.init(agreements: agreements.map { .init($0) }))))
    }

    func listAgreementsAwaitingCountersignature(_ input: Operations.ListAgreementsAwaitingCountersignature.Input)
        async throws -> Operations.ListAgreementsAwaitingCountersignature.Output
    {
        let scope = try SupportScope.required()
        let agreements = try services.engine.agreements.awaitingCountersignature(by: scope.caller)
        return .ok(.init(body: .json(.init(agreements: agreements.map { .init($0) }))))
    }

    func listTenantsNotOnVersion(_ input: Operations.ListTenantsNotOnVersion.Input) async throws
        -> Operations.ListTenantsNotOnVersion.Output
    {
        let scope = try SupportScope.required()
        let (version, rows) = try services.engine.agreements.tenantsNotOnVersion(input.query.version, by: scope.caller)
        return .ok(.init(body: .json(.init(
            version: version,
            tenants: rows.map { .init(tenantId: $0.tenant.id.rawValue, name: $0.tenant.name, versionInForce: $0.inForce) }))))
    }

    func uploadPaperAgreement(_ input: Operations.UploadPaperAgreement.Input) async throws
        -> Operations.UploadPaperAgreement.Output
    {
        let scope = try SupportScope.required()
        let id = try TenantID(input.path.tenantId)
        guard case .pdf(let body) = input.body else { throw AgreementError.scanNotPDF }
        let bytes = try await [UInt8](collecting: body, upTo: services.configuration.http.maxUploadBytes)
        let stored = try await services.engine.agreements.registerPaper(
            id, templateVersion: input.query.templateVersion, signerName: input.query.signerName, pdf: bytes,
            by: scope.caller)
        scope.logger.info("paper agreement registered", metadata: ["tenant": "\(id)", "agreement": "\(stored.agreement.id)"])
        return .created(.init(body: .json(.init(stored))))
    }

    func countersignAgreement(_ input: Operations.CountersignAgreement.Input) async throws
        -> Operations.CountersignAgreement.Output
    {
        let scope = try SupportScope.required()
        let id = try agreementID(input.path.agreementId)
        let stored = try await services.engine.agreements.countersign(id, by: scope.caller)
        scope.logger.info("agreement countersigned", metadata: ["tenant": "\(stored.agreement.tenantID)", "agreement": "\(id)"])
        return .ok(.init(body: .json(.init(stored))))
    }

    func terminateAgreementAsProcessor(_ input: Operations.TerminateAgreementAsProcessor.Input) async throws
        -> Operations.TerminateAgreementAsProcessor.Output
    {
        let scope = try SupportScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.agreements.terminate(
            try TenantID(input.path.tenantId), noticeDate: body.noticeDate, reason: body.reason, by: scope.caller)
        return .ok(.init(body: .json(.init(tenant))))
    }

    func getSealKey(_ input: Operations.GetSealKey.Input) async throws -> Operations.GetSealKey.Output {
        .ok(.init(body: .json(.init(
            algorithm: PlatformSeal.algorithm, keyId: services.seal.keyID,
            publicKey: Data(services.seal.publicKey).base64EncodedString()))))
    }
}
