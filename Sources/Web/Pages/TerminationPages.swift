import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The end of an agreement, for the tenant's administrator: terminate with a notice date; after it, take
/// the data back (export and sealed statement) and/or have it deleted (with the count of LIS who have not
/// taken their record confirmed); the sealed statements. Every step is the engine's `OnboardingDesk`.
struct TerminationPages: Sendable {
    let onboarding: OnboardingDesk
    let renderer: PageRenderer

    static func path(_ tenantID: String) -> String { "/virksomhet/\(tenantID)/avslutning" }

    /// `GET /virksomhet/{tenantId}/avslutning[?utfort=…]`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: request.pathAndQuery)
        let done = request.uri.queryParameters["utfort"].map(String.init)
        return try await render(caller, context, notice: done.flatMap(TerminationPage.notice(for:)))
    }

    /// `POST /virksomhet/{tenantId}/avslutning/si-opp`: termination by the controller, from a notice date.
    func terminate<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let rawDate = form.text("varslingsdato")
        if rawDate.isEmpty {
            errors.add("varslingsdato", "Skriv datoen avtalen skal opphøre.", label: "Opphørsdato")
        } else {
            do {
                _ = try await onboarding.terminate(
                    caller, noticeDate: Self.isoDate(rawDate), reason: form.text("begrunnelse"))
                return HTMLPage.seeOther(Self.path(caller.tenant.id.rawValue) + "?utfort=sagt-opp")
            } catch let failure as any DescribedFailure where failure.category != .internal {
                errors.add(
                    failure, fields: ["noticeDate": "varslingsdato", "reason": "begrunnelse"], fallback: "varslingsdato")
            }
        }
        return try await render(caller, context, form: form, errors: errors, status: .badRequest)
    }

    /// `POST /virksomhet/{tenantId}/avslutning/tilbakelevering`: the export and its sealed statement.
    func returnData<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: nil)
        _ = try await onboarding.returnData(caller)
        return HTMLPage.seeOther(Self.path(caller.tenant.id.rawValue) + "?utfort=tilbakelevert")
    }

    /// `POST /virksomhet/{tenantId}/avslutning/sletting`: deletes only with the number confirmed.
    func delete<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let typed = form.text("bekreft-antall")
        if let count = Int(typed), count >= 0 {
            do {
                _ = try await onboarding.deleteData(caller, confirmNotTaken: count)
                return HTMLPage.seeOther(Self.path(caller.tenant.id.rawValue) + "?utfort=slettet")
            } catch let failure as any DescribedFailure where failure.category != .internal {
                errors.add(failure, fields: [:], fallback: "bekreft-antall")
            }
        } else {
            errors.add(
                "bekreft-antall", "Skriv antallet LIS som ikke har hentet dokumentasjonen sin, med sifre.",
                label: "Bekreft antallet")
        }
        return try await render(caller, context, form: form, errors: errors, status: .badRequest)
    }

    /// `GET /virksomhet/{tenantId}/avslutning/eksport/{fil}`: the returned database or JSON, byte for byte
    /// what the return statement certifies.
    func export<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: request.pathAndQuery)
        let file: OnboardingDesk.ExportFile
        switch try context.parameters.require("file") {
        case "tenant.sqlite": file = .database
        case "export.json": file = .json
        default: throw PageNotFound(detail: "No such export file")
        }
        let url = try onboarding.exportFile(caller, file)
        let body = try await FileIO().loadFile(path: url.path, context: context)
        return Response(
            status: .ok,
            headers: [
                .contentType: file == .json ? "application/octet-stream" : "application/vnd.sqlite3",
                .contentDisposition: "attachment; filename=\"\(caller.tenant.id.rawValue)-\(file.rawValue)\"",
                .cacheControl: "no-store",
            ],
            body: body)
    }

    /// `GET /virksomhet/{tenantId}/avslutning/erklaering/{statementId}`: one sealed statement, as sealed.
    func statement<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try administrator(context, returningTo: request.pathAndQuery)
        let id = try context.parameters.require("statementId")
        guard let found = try onboarding.statements(caller).first(where: { $0.id == id }) else {
            throw PageNotFound(detail: "No such statement")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(found.kind)-\(caller.tenant.id.rawValue).json\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: found.sealed)))
    }

    // MARK: -

    private func render<Context: PortalRequestContext>(
        _ caller: AdministratorCaller, _ context: Context, form: FormFields = FormFields(),
        errors: FormErrors = FormErrors(), notice: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let phase: TerminationPage.Phase
        let tenant = caller.tenant
        if tenant.status != .terminated {
            phase = tenant.status == .active || tenant.status == .suspended ? .inForce : .noAgreement
        } else if !tenant.isProvisioned {
            phase = .deleted
        } else {
            do {
                phase = .closed(try await onboarding.deletionCheck(caller))
            } catch AgreementError.stillInNoticePeriod {
                phase = .noticePeriod
            }
        }
        let hasExport = (try? onboarding.exportFile(caller, .json)) != nil
        let page = TerminationPage(
            tenant: tenant, phase: phase, hasExport: hasExport, statements: try onboarding.statements(caller),
            form: form, errors: errors, notice: notice, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "termination"), status: status)
    }

    private func administrator<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) throws
        -> AdministratorCaller
    {
        let tenantID = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? Self.path(tenantID))
        return try onboarding.administeredTenant(tenantID, by: principal)
    }

    /// The date as the engine reads it (yyyy-MM-dd): what a date input sends, or dd.mm.åååå typed by hand.
    static func isoDate(_ typed: String) -> String {
        let parts = typed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 else { return typed }
        let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
        return "\(parts[2])-\(pad(parts[1]))-\(pad(parts[0]))"
    }
}
