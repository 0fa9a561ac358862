import Domain
import Engine
import Foundation
import OpenAPIRuntime
import Web
import Storage

/// The tenant administrator's agreement steps: read the offer, sign, fetch the sealed agreement, terminate.
extension APIHandlers {
    func getAgreementOffer(_ input: Operations.GetAgreementOffer.Input) async throws -> Operations.GetAgreementOffer.Output {
        let scope = try AdministratorScope.required()
        let offer = try services.engine.onboarding.offer(scope.caller, sealedFiles: true)
        let draft = offer.draft
        return .ok(.init(body: .json(.init(
            tenant: .init(scope.tenant), templateVersion: draft.template.version,
            effectiveDate: draft.template.effectiveDate, templateSha256: draft.template.textHash,
            fields: .init(additionalProperties: draft.fields), document: draft.document, documentSha256: draft.documentHash,
            agreements: offer.agreements.map { .init($0) }, newVersionAwaitsSignature: offer.newVersionAwaitsSignature))))
    }

    func signAgreement(_ input: Operations.SignAgreement.Input) async throws -> Operations.SignAgreement.Output {
        let scope = try AdministratorScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let stored = try await services.engine.onboarding.sign(
            scope.caller, templateVersion: body.templateVersion, documentSha256: body.documentSha256)
        return .created(.init(body: .json(.init(stored))))
    }

    func getSealedAgreement(_ input: Operations.GetSealedAgreement.Input) async throws
        -> Operations.GetSealedAgreement.Output
    {
        let scope = try AdministratorScope.required()
        let sealed = try services.engine.onboarding.sealedAgreement(scope.caller, id: try agreementID(input.path.agreementId))
        return .ok(.init(
            headers: .init(contentDisposition: ContentDisposition.attachment(filename: "databehandleravtale.json")),
            body: .binary(FileBody.sealed(sealed))))
    }

    func terminateAgreementAsController(_ input: Operations.TerminateAgreementAsController.Input) async throws
        -> Operations.TerminateAgreementAsController.Output
    {
        let scope = try AdministratorScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.onboarding.terminate(
            scope.caller, noticeDate: body.noticeDate, reason: body.reason)
        return .ok(.init(body: .json(.init(tenant))))
    }

    func agreementID(_ raw: String) throws -> UUID { try uuid(raw, "agreementId") }
}

extension Components.Schemas.AgreementRecord {
    init(_ listed: ListedAgreement) {
        self.init(listed.agreement, sealed: listed.sealedFile)
    }

    init(_ stored: StoredAgreement) {
        self.init(stored.agreement, sealed: stored.sealed)
    }

    init(_ agreement: Agreement, sealed: String?) {
        self.init(
            id: agreement.id.lowercasedText, tenantId: agreement.tenantID.rawValue,
            templateVersion: agreement.templateVersion, templateSha256: agreement.templateHash,
            documentSha256: agreement.documentHash, channel: .init(rawValue: agreement.channel.rawValue) ?? .electronic,
            state: .init(rawValue: agreement.state.rawValue) ?? .terminated,
            fields: .init(additionalProperties: agreement.fields), signedBy: .init(agreement.signature),
            countersignedBy: agreement.countersignature.map(Components.Schemas.Signatory.init),
            scanSha256: agreement.scan?.sha256, endedAt: agreement.endedAt, sealed: sealed)
    }
}

extension Components.Schemas.Signatory {
    init(_ signature: AgreementSignature) {
        self.init(
            name: signature.name, hprNumber: signature.hprNumber, securityLevel: signature.securityLevel?.rawValue,
            at: signature.at)
    }
}
