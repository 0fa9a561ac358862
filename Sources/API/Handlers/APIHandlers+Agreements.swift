import Domain
import Engine
import Foundation
import OpenAPIRuntime
import Storage

/// The tenant administrator's agreement steps: read the offer, sign, fetch the sealed agreement, terminate.
extension APIHandlers {
    func getAgreementOffer(_ input: Operations.GetAgreementOffer.Input) async throws -> Operations.GetAgreementOffer.Output {
        let scope = try AdministratorScope.required()
        let draft = try currentDraft(for: scope.tenant, signer: scope.principal.name)
        let stored = try services.registry.agreements(of: scope.tenant.id)
        let inForce = stored.first { $0.agreement.state == .inForce }
        return .ok(.init(body: .json(.init(
            tenant: .init(scope.tenant), templateVersion: draft.template.version,
            effectiveDate: draft.template.effectiveDate, templateSha256: draft.template.textHash,
            fields: .init(additionalProperties: draft.fields), document: draft.document, documentSha256: draft.documentHash,
            agreements: stored.map { .init($0) },
            newVersionAwaitsSignature: inForce.map { $0.agreement.templateVersion != draft.template.version } ?? false))))
    }

    func signAgreement(_ input: Operations.SignAgreement.Input) async throws -> Operations.SignAgreement.Output {
        let scope = try AdministratorScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let now = services.now()
        let catalogue = try ContractCatalogue(directory: services.contractsDirectory)
        let current = try catalogue.currentTemplate(on: now.isoDay)
        guard let requested = catalogue.template(body.templateVersion) else {
            if let reason = catalogue.refused[body.templateVersion] {
                throw AgreementError.templateRefused(version: body.templateVersion, reason: reason)
            }
            throw AgreementError.unknownVersion(body.templateVersion)
        }
        let draft = try catalogue.draft(requested, tenant: scope.tenant, signer: scope.principal.name)
        let principal = scope.principal
        let id = services.newID()
        let (_, agreement) = try await services.registry.recordSignature(
            tenant: scope.tenant.id, document: draft.document, actor: scope.actor, at: now
        ) { tenant, existing in
            try Agreement.sign(
                template: requested, current: current, fields: draft.fields, documentHash: draft.documentHash,
                presentedHash: body.documentSha256, signer: principal, isAdministrator: true, tenant: tenant,
                existing: existing, id: id, at: now)
        }
        scope.logger.info("agreement signed", metadata: ["agreement": "\(agreement.id)"])
        return .created(.init(body: .json(.init(StoredAgreement(agreement: agreement, document: draft.document, sealed: nil)))))
    }

    func getSealedAgreement(_ input: Operations.GetSealedAgreement.Input) async throws
        -> Operations.GetSealedAgreement.Output
    {
        let scope = try AdministratorScope.required()
        let stored = try services.registry.storedAgreement(try agreementID(input.path.agreementId))
        guard stored.agreement.tenantID == scope.tenant.id else { throw AgreementError.unknownAgreement }
        guard let sealed = stored.sealed else { throw AgreementError.notAwaitingCountersignature }
        return .ok(.init(body: .json(try JSONDecoder().decode(OpenAPIObjectContainer.self, from: Data(sealed.utf8)))))
    }

    func terminateAgreementAsController(_ input: Operations.TerminateAgreementAsController.Input) async throws
        -> Operations.TerminateAgreementAsController.Output
    {
        let scope = try AdministratorScope.required()
        guard case .json(let body) = input.body else { throw RequestError.malformedBody("Expected application/json") }
        let tenant = try await services.engine.agreements.terminate(
            scope.tenant.id, noticeDate: body.noticeDate, reason: body.reason, party: "behandlingsansvarlig",
            actor: scope.actor)
        return .ok(.init(body: .json(.init(tenant))))
    }

    func currentDraft(for tenant: Tenant, signer: String) throws -> AgreementDraft {
        let catalogue = try ContractCatalogue(directory: services.contractsDirectory)
        let template: AgreementTemplate
        do {
            template = try catalogue.currentTemplate(on: services.now().isoDay)
        } catch {
            services.logger.error("agreement template not offered", metadata: ["reason": "\(error.detail)"])
            throw error
        }
        return try catalogue.draft(template, tenant: tenant, signer: signer)
    }

    func agreementID(_ raw: String) throws -> UUID { try uuid(raw, "agreementId") }
}

extension Components.Schemas.AgreementRecord {
    init(_ stored: StoredAgreement) {
        let agreement = stored.agreement
        self.init(
            id: agreement.id.uuidString.lowercased(), tenantId: agreement.tenantID.rawValue,
            templateVersion: agreement.templateVersion, templateSha256: agreement.templateHash,
            documentSha256: agreement.documentHash, channel: .init(rawValue: agreement.channel.rawValue) ?? .electronic,
            state: .init(rawValue: agreement.state.rawValue) ?? .terminated,
            fields: .init(additionalProperties: agreement.fields), signedBy: .init(agreement.signature),
            countersignedBy: agreement.countersignature.map(Components.Schemas.Signatory.init),
            scanSha256: agreement.scan?.sha256, endedAt: agreement.endedAt, sealed: stored.sealed)
    }
}

extension Components.Schemas.Signatory {
    init(_ signature: AgreementSignature) {
        self.init(
            name: signature.name, hprNumber: signature.hprNumber, securityLevel: signature.securityLevel?.rawValue,
            at: signature.at)
    }
}
