import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The signer's agreement page of one tenant, its signing form, and the sealed file. Every operation is the
/// engine's and checks that the person administers the tenant; one they do not administer is the same 404
/// as a tenant that does not exist.
struct AgreementPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer
    let describe: @Sendable (any Error) -> FailureDescription
    let documents: FragmentCache<String>

    var onboarding: OnboardingDesk { engine.onboarding }

    static func path(_ tenantID: String) -> String { "/virksomhet/\(tenantID)/avtale" }

    /// `GET /virksomhet/{tenantId}/avtale`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try onboarding.administeredTenant(try context.parameters.require("tenantId"), by: principal)
        let query = request.uri.queryParameters
        let page = try AgreementPage(
            offer: try onboarding.offer(caller, sealedFiles: false), caller: caller, documents: documents, visitor: context.visitor,
            justSigned: query["signert"] == "1", justAccepted: query["godtatt"] == "1")
        return HTMLPage.response(try renderer.render(page, template: "agreement", placing: page.document))
    }

    /// `POST /virksomhet/{tenantId}/avtale/signer`: signs exactly the version and text the page showed.
    func sign<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: Self.path(tenantID))
        let caller = try onboarding.administeredTenant(tenantID, by: principal)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        var status = HTTPResponse.Status.badRequest
        if form["bekreft"] != "ja" {
            errors.add("bekreft", "Kryss av for at du har lest avtalen og vil signere den.", label: "Signering")
        } else {
            do {
                _ = try await onboarding.sign(
                    caller, templateVersion: form.text("templateVersion"), documentSha256: form.text("documentSha256"))
                return HTMLPage.seeOther(Self.path(tenantID) + "?signert=1")
            } catch let failure as any DescribedFailure where failure.category != .internal {
                // Shown at the form: a login below level 4, a text changed since the page was opened, …
                errors.add("bekreft", failure.message, label: "Signering")
                status = .init(code: describe(failure).status)
            }
        }
        let page = try AgreementPage(
            offer: try onboarding.offer(caller, sealedFiles: false), caller: caller, documents: documents, visitor: context.visitor, errors: errors)
        return HTMLPage.response(try renderer.render(page, template: "agreement", placing: page.document), status: status)
    }

    /// `GET /virksomhet/{tenantId}/avtale/{agreementId}`: the agreement as signed, printable, with its seal
    /// checked against the platform's key as the page is made.
    func copy<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try onboarding.administeredTenant(try context.parameters.require("tenantId"), by: principal)
        guard let id = UUID(uuidString: try context.parameters.require("agreementId")) else {
            throw AgreementError.unknownAgreement
        }
        let stored = try onboarding.agreementRecord(caller, id: id)
        let page = AgreementCopyPage(
            agreement: stored.agreement, document: stored.document, tenant: caller.tenant,
            verification: stored.sealed.map { engine.verifySealedFile(Data($0.utf8)) }, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "agreement-copy"))
    }

    /// `GET /virksomhet/{tenantId}/avtale/{agreementId}/forseglet`: the sealed file, exactly as sealed.
    func sealed<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let caller = try onboarding.administeredTenant(tenantID, by: principal)
        guard let id = UUID(uuidString: try context.parameters.require("agreementId")) else {
            throw AgreementError.unknownAgreement
        }
        let text = try onboarding.sealedAgreement(caller, id: id)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json",
                .contentDisposition: "attachment; filename=\"databehandleravtale-\(caller.tenant.id.rawValue).json\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
