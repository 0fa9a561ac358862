import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// What the LIS takes along and checks: «Hvem har sett mine data» (the access log), the sealed record of
/// approved objectives to take to the next employer, importing one from an earlier employer, and the
/// sealed confirmation of completed service. All for the LIS's own record, through the engine.
struct TraineeRecordPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer
    let uploadLimit: Int

    /// `GET /virksomhet/{tenantId}/meg/tilgangslogg`.
    func accessLog<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, own) = try await ownRecord(context, returningTo: request.pathAndQuery)
        let entries = try await engine.people.accessLog(caller, trainee: own.id)
        let page = AccessLogPage(entries: entries, tenant: caller.tenant, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "access-log"))
    }

    /// `GET /virksomhet/{tenantId}/meg/godkjente-laeringsmal`: the sealed file, as sealed.
    func approvedRecord<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, own) = try await ownRecord(context, returningTo: request.pathAndQuery)
        let sealed = try await engine.reports.approvedRecord(caller, trainee: own.id)
        return Self.download(sealed.fileText, name: "godkjente-laeringsmal-\(caller.tenant.id.rawValue).json")
    }

    /// `GET /virksomhet/{tenantId}/meg/bekreftelse[?plan=KEY]`: once every objective of the plan is approved.
    func completion<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, own) = try await ownRecord(context, returningTo: request.pathAndQuery)
        let plan = request.uri.queryParameters["plan"].map(String.init)
        let sealed = try await engine.reports.completion(caller, trainee: own.id, planKey: plan)
        return Self.download(sealed.fileText, name: "bekreftelse-gjennomfort-tjeneste-\(caller.tenant.id.rawValue).json")
    }

    /// `POST /virksomhet/{tenantId}/meg/importer`: a sealed record from an earlier employer (the file `fil`).
    func importRecord<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, own) = try await ownRecord(context, returningTo: nil)
        var request = request
        let bytes = try await FormFields.read(&request, limit: uploadLimit).file("fil") ?? []
        var errors = FormErrors()
        if bytes.isEmpty {
            errors.add("fil", "Velg den forseglede filen fra den forrige arbeidsgiveren.", label: "Fil")
        } else {
            do {
                let count = try await engine.reports.importApprovedRecord(caller, trainee: own.id, file: Data(bytes))
                return HTMLPage.seeOther(TraineePages.homePath(caller.tenant.id.rawValue) + "?importert=\(count)")
            } catch let failure as RecordError {
                errors.add("fil", failure.message, label: "Fil")
            }
        }
        return try await TraineePages(engine: engine, renderer: renderer).render(
            caller, context, errors: errors, status: .badRequest)
    }

    static func download(_ text: String, name: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream", .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func ownRecord<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) async throws
        -> (TenantCaller, Trainee)
    {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? TraineePages.homePath(tenant))
        let caller = try engine.tenantCaller(tenant, for: principal)
        return (caller, try await engine.people.myTraineeRecord(caller))
    }
}
