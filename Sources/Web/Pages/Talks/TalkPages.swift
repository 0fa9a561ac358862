import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// A LIS's supervision talks (veiledningssamtaler): the veileder plans a talk (date, topic), the LIS and the
/// veileder write the preparation and the minutes, only the veileder finalises; the leder sees that talks
/// took place. Every read and change is the engine's (`TrainingDesk`), with its access-log line; a person who
/// may not see the talks gets the page that is not there.
struct TalkPages: Sendable {
    let engine: Engine
    let renderer: PageRenderer

    static func path(_ tenant: String, trainee: UUID) -> String {
        "/virksomhet/\(tenant)/lis/\(trainee.lowercasedText)/samtaler"
    }

    /// `GET /virksomhet/{tenantId}/lis/{traineeId}/samtaler[?utfort=…]`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: request.pathAndQuery)
        let notice: String? =
            switch request.uri.queryParameters["utfort"] {
            case "planlagt": "Samtalen er planlagt. Legen ser den her."
            case "forberedelse": "Forberedelsen er lagret."
            case "referat": "Referatet er lagret. Veilederen ferdigstiller samtalen når den er holdt."
            case "ferdigstilt": "Samtalen er ferdigstilt og kan ikke endres. Den teller som gjennomført i fremdriftsrapporten."
            default: nil
            }
        return try await render(caller, trainee, context, notice: notice)
    }

    /// `POST …/samtaler`: the veileder plans a talk with `dato` and `tema`.
    func plan<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: nil)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        if form.text("dato").isEmpty { errors.add("dato", "Skriv datoen for samtalen.", label: "Dato") }
        if form.text("tema").isEmpty { errors.add("tema", "Skriv temaet for samtalen.", label: "Tema") }
        var status = HTTPResponse.Status.badRequest
        if !errors.hasErrors {
            do {
                let talk = try await HiddenRefusal.hidingForbidden {
                    try await engine.training.createTalk(
                        caller, trainee: trainee, date: TerminationPages.isoDate(form.text("dato")),
                        topic: form.text("tema"))
                }
                return done(caller, trainee, "planlagt", talk: talk.id)
            } catch let failure as any DescribedFailure where Self.isRefusal(failure) {
                let field = failure.inputField == "topic" ? "tema" : "dato"
                errors.add(field, failure.message, label: field == "tema" ? "Tema" : "Dato")
                status = Self.status(failure)
            }
        }
        return try await render(caller, trainee, context, form: form, errors: errors, status: status)
    }

    /// `POST …/samtaler/{talkId}/forberedelse` or `…/referat`: the LIS or the veileder writes.
    func write<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: nil)
        let talk = try talkID(context)
        let kind = try context.parameters.require("kind")
        guard kind == "forberedelse" || kind == "referat" else { throw PageNotFound(detail: "No such talk text") }
        var request = request
        let form = try await FormFields.read(&request, limit: 4 * SupervisionTalk.maxTextLength + 16 * 1024)
        let field = TalkPage.fieldID(kind, talk: talk)
        let text = form[kind] ?? ""
        let label = kind == "forberedelse" ? "Forberedelse" : "Referat"
        do {
            _ = try await HiddenRefusal.hidingForbidden { () async throws -> SupervisionTalk in
                if kind == "forberedelse" {
                    return try await engine.training.writeTalkPreparation(caller, trainee: trainee, talk: talk, text: text)
                }
                return try await engine.training.writeTalkMinutes(caller, trainee: trainee, talk: talk, text: text)
            }
            return done(caller, trainee, kind, talk: talk)
        } catch let failure as any DescribedFailure where Self.isRefusal(failure) {
            var errors = FormErrors()
            errors.add(field, failure.message, label: label)
            return try await render(
                caller, trainee, context, errors: errors, typed: [field: text], status: Self.status(failure))
        }
    }

    /// `POST …/samtaler/{talkId}/ferdigstill`: only the veileder, once the minutes are written and the day has come.
    func finalise<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let (caller, trainee) = try target(context, returningTo: nil)
        let talk = try talkID(context)
        do {
            _ = try await HiddenRefusal.hidingForbidden {
                try await engine.training.finaliseTalk(caller, trainee: trainee, talk: talk)
            }
            return done(caller, trainee, "ferdigstilt", talk: talk)
        } catch let failure as any DescribedFailure where Self.isRefusal(failure) {
            var errors = FormErrors()
            errors.add(TalkPage.fieldID("ferdigstill", talk: talk), failure.message, label: "Ferdigstill")
            return try await render(caller, trainee, context, errors: errors, status: Self.status(failure))
        }
    }

    // MARK: -

    /// A refusal the person can act on, shown at the field: bad input, or a talk whose state does not allow it.
    static func isRefusal(_ failure: any DescribedFailure) -> Bool {
        failure.category == .invalid || failure.category == .conflict
    }

    static func status(_ failure: any DescribedFailure) -> HTTPResponse.Status {
        failure.category == .conflict ? .conflict : .badRequest
    }

    private func done(_ caller: TenantCaller, _ trainee: UUID, _ what: String, talk: UUID) -> Response {
        HTMLPage.seeOther(
            Self.path(caller.tenant.id.rawValue, trainee: trainee) + "?utfort=\(what)#samtale-"
                + talk.lowercasedText)
    }

    private func render<Context: PortalRequestContext>(
        _ caller: TenantCaller, _ trainee: UUID, _ context: Context, form: FormFields = FormFields(),
        errors: FormErrors = FormErrors(), typed: [String: String] = [:], notice: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let book = try await HiddenRefusal.hidingForbidden { try await engine.training.talkBook(caller, trainee: trainee) }
        let page = TalkPage(
            book: book, tenant: caller.tenant, form: form, errors: errors, typed: typed, notice: notice,
            visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "talks"), status: status)
    }

    private func target<Context: PortalRequestContext>(_ context: Context, returningTo path: String?) throws
        -> (TenantCaller, UUID)
    {
        let tenant = try context.parameters.require("tenantId")
        let principal = try context.visitor.requirePrincipal(returningTo: path ?? StartPages.path)
        guard let trainee = UUID(uuidString: try context.parameters.require("traineeId")) else {
            throw PageNotFound(detail: "Not a LIS")
        }
        return (try engine.tenantCaller(tenant, for: principal), trainee)
    }

    private func talkID<Context: PortalRequestContext>(_ context: Context) throws -> UUID {
        guard let talk = UUID(uuidString: try context.parameters.require("talkId")) else {
            throw PageNotFound(detail: "Not a talk")
        }
        return talk
    }
}
