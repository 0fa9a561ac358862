import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// A private virksomhet registers itself: the form (organisation number, name, contact e-mail, programmes)
/// and the person's registrations with their state. `OnboardingDesk.submitRegistration` decides; the form
/// checks every field first with the same domain checks, so one answer names everything that is wrong.
/// The as-you-type check of the organisation number (`/assets/orgnr.js`) only helps; this is the check.
struct RegistrationPages: Sendable {
    static let path = "/registrering"
    static let formPath = "/registrering/ny"

    let onboarding: OnboardingDesk
    let renderer: PageRenderer

    /// `GET /registrering`: the person's registrations, newest first.
    func list<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let page = OwnRegistrationsPage(
            registrations: try onboarding.registrations(of: principal), visitor: context.visitor,
            justSent: request.uri.queryParameters["sendt"] == "1")
        return HTMLPage.response(try renderer.render(page, template: "own-registrations"))
    }

    /// `GET /registrering/ny`.
    func form<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        _ = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let page = RegistrationFormPage(visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "registration-form"))
    }

    /// `POST /registrering/ny`: registers, then shows the list (303); or the form again with every problem.
    func submit<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: Self.formPath)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let number = form.text("organisation-number").replacingOccurrences(of: " ", with: "")
        _ = errors.check("organisation-number", label: "Organisasjonsnummer") { try OrganisationNumber(number) }
        _ = errors.check("name", label: "Virksomhetens navn") { try Tenant.validName(form.text("name")) }
        let email = form.text("contact-email")
        _ = errors.check(
            "contact-email", label: "E-postadresse",
            message: email.isEmpty ? nil : "Skriv en gyldig e-postadresse, for eksempel post@legesenter.no."
        ) { try Trainee.validEmail(email, field: "contactEmail") }
        let programmes = form.all("programmes")
        if programmes.isEmpty {
            errors.add("programmes", "Velg minst én utdanning.", label: "Utdanninger")
        }
        if !errors.hasErrors {
            do {
                _ = try await onboarding.submitRegistration(
                    by: principal, organisationNumber: number, name: form.text("name"), contactEmail: email,
                    programmes: programmes)
                return HTMLPage.seeOther(Self.path + "?sendt=1")
            } catch let failure as any DescribedFailure where failure.category == .invalid || failure.category == .conflict {
                errors.add(
                    failure,
                    fields: [
                        "organisationNumber": "organisation-number", "name": "name", "contactEmail": "contact-email",
                        "programmes": "programmes",
                    ],
                    fallback: "organisation-number",
                    labels: [
                        "organisation-number": "Organisasjonsnummer", "name": "Virksomhetens navn",
                        "contact-email": "E-postadresse", "programmes": "Utdanninger",
                    ])
            }
        }
        let page = RegistrationFormPage(visitor: context.visitor, form: form, errors: errors)
        return HTMLPage.response(try renderer.render(page, template: "registration-form"), status: .badRequest)
    }
}
