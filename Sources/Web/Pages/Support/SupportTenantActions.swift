import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The actions on a tenant's page beside naming the signer and countersigning: register a paper agreement,
/// suspend or resume with a reason, and terminate as the processor. Each form is checked field by field
/// first (so the page says everything that is wrong at once), then goes to one engine operation with the
/// support person's `PlatformCaller`, which checks again and writes the event and the audit entry. A refused
/// form is the tenant's page again, with what was typed and the messages, status 400; nothing is written.
struct SupportTenantActions: Sendable {
    let engine: Engine
    let pages: SupportPages
    /// The most a support person's upload form may be (`http.maxUploadBytes`); the PDF itself is checked
    /// against the domain's 10 MiB.
    let uploadLimit: Int

    /// `POST /brukerstotte/virksomhet/{tenantId}/papiravtale` (multipart): the scanned agreement.
    func registerPaper<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws
        -> Response
    {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: SupportPages.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: uploadLimit)
        var errors = FormErrors()
        _ = errors.check("paper-signer", label: "Signert av") { try Tenant.validName(form.text("paper-signer")) }
        let number = form.text("paper-organisation-number")
        if !number.isEmpty {
            _ = errors.check("paper-organisation-number", label: "Organisasjonsnummer") { try OrganisationNumber(number) }
        }
        let bytes = form.file("paper-file") ?? []
        if bytes.isEmpty {
            errors.add("paper-file", "Velg den skannede avtalen (PDF).", label: "Skannet avtale")
        } else {
            _ = errors.check("paper-file", label: "Skannet avtale") { try PaperScan.validatePDF(bytes) }
        }
        if !errors.hasErrors {
            do {
                _ = try await engine.agreements.registerPaper(
                    try TenantID(tenantID), templateVersion: form.text("paper-version"),
                    signerName: form.text("paper-signer"), pdf: bytes, organisationNumber: number.isEmpty ? nil : number,
                    by: caller)
                return HTMLPage.seeOther(SupportPages.tenantPath(tenantID) + "?utfort=papiravtale#avtaler")
            } catch AgreementError.unknownVersion(let version) {
                errors.add("paper-version", AgreementError.unknownVersion(version).message, label: "Avtaleversjon")
            } catch AgreementError.supersededVersion(_, let current) {
                errors.add(
                    "paper-version", "Bare gjeldende versjon (\(current)) kan registreres nå.", label: "Avtaleversjon")
            } catch let failure as ValidationError where failure.field == "organisasjonsnummer" {
                errors.add(
                    "paper-organisation-number", "Skriv inn kommunens organisasjonsnummer; det fylles inn i avtalen.",
                    label: "Organisasjonsnummer")
            } catch let failure as any DescribedFailure where Self.isAboutTheForm(failure) {
                errors.add(
                    failure, fields: ["signerName": "paper-signer", "organisationNumber": "paper-organisation-number"],
                    fallback: "paper-file",
                    labels: [
                        "paper-signer": "Signert av", "paper-file": "Skannet avtale",
                        "paper-organisation-number": "Organisasjonsnummer",
                    ])
            }
        }
        return try pages.refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// `POST /brukerstotte/virksomhet/{tenantId}/status`: suspend or resume, with a reason.
    func changeStatus<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: SupportPages.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        guard let transition = form["transition"].flatMap(TenantTransition.init(rawValue:)) else {
            throw ValidationError(field: "transition", reason: .missing)
        }
        var errors = FormErrors()
        do {
            _ = try await engine.support.apply(transition, to: tenantID, reason: form["status-reason"] ?? "", by: caller)
            let done = transition == .suspend ? "stengt" : "gjenapnet"
            return HTMLPage.seeOther(SupportPages.tenantPath(tenantID) + "?utfort=\(done)")
        } catch let failure as any DescribedFailure where Self.isAboutTheForm(failure) {
            errors.add(failure, fields: [:], fallback: "status-reason", labels: ["status-reason": "Begrunnelse"])
        }
        return try pages.refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// `POST /brukerstotte/virksomhet/{tenantId}/oppsigelse`: termination by the processor, from a notice date.
    func terminate<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: SupportPages.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let date = form.text("notice-date")
        if date.isEmpty {
            errors.add("notice-date", "Skriv inn oppsigelsesdatoen.", label: "Oppsigelsesdato")
        } else {
            do {
                let reason = form.text("termination-reason")
                _ = try await engine.agreements.terminate(
                    try TenantID(tenantID), noticeDate: date, reason: reason.isEmpty ? nil : reason,
                    onControllersInstruction: form["termination-instruction"] == "ja", by: caller)
                return HTMLPage.seeOther(SupportPages.tenantPath(tenantID) + "?utfort=sagt-opp")
            } catch let failure as any DescribedFailure where Self.isAboutTheForm(failure) {
                let message =
                    failure.inputField == "noticeDate" && failure is ValidationError
                    ? "Skriv datoen som dd.mm.åååå, eller velg den i kalenderen." : failure.message
                let field = failure.inputField == "reason" ? "termination-reason" : "notice-date"
                errors.add(field, message, label: field == "notice-date" ? "Oppsigelsesdato" : "Begrunnelse")
            }
        }
        return try pages.refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// A refusal the person can put right in the form; anything else (an unknown tenant, a fault) becomes
    /// the error page.
    static func isAboutTheForm(_ failure: any DescribedFailure) -> Bool {
        [.invalid, .conflict, .unsupportedType, .tooLarge].contains(failure.category)
    }
}
