import Crypto
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Identity

/// `/dev-issuer/logg-inn`: the development issuer's login page (demo and test only; 404 when the issuer is
/// off). The issuer's `/authorize` sends a browser here when the request names no test person; the form
/// then completes that authorization request as the person chosen and sends the browser back to the portal.
struct DevelopmentLoginPages: Sendable {
    static let path = "/dev-issuer/logg-inn"

    let server: DevelopmentAuthorizationServer?
    let renderer: PageRenderer

    func page<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let server = try requireServer()
        let query = request.uri.queryParameters
        let (clientID, requestURI) = (String(query["client_id"] ?? ""), String(query["request_uri"] ?? ""))
        let page = DevelopmentLoginPage(
            clientID: clientID, requestURI: requestURI,
            requiresLevel4: server.requiresLevel4(clientID: clientID, requestURI: requestURI), visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "development-login"))
    }

    func logIn<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let server = try requireServer()
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        let (clientID, requestURI) = (form.text("client_id"), form.text("request_uri"))
        let requiresLevel4 = server.requiresLevel4(clientID: clientID, requestURI: requestURI)
        let person = Self.person(from: form, errors: &errors)
        if let person, requiresLevel4, person.securityLevel < 4 {
            errors.add("level-4", "Innloggingen krever sikkerhetsnivå 4. Velg nivå 4.", label: "Sikkerhetsnivå")
        }
        guard let person, !errors.hasErrors else {
            let page = DevelopmentLoginPage(
                clientID: clientID, requestURI: requestURI, requiresLevel4: requiresLevel4, form: form, errors: errors,
                visitor: context.visitor)
            return HTMLPage.response(try renderer.render(page, template: "development-login"), status: .badRequest)
        }
        do {
            let redirect = try server.authorize(clientID: clientID, requestURI: requestURI, person: person)
            return HTMLPage.seeOther(redirect.absoluteString)
        } catch {
            throw DevelopmentLoginExpired()
        }
    }

    /// The person chosen, or typed in (name and a synthetic identity number); refusals go to `errors`.
    static func person(from form: FormFields, errors: inout FormErrors) -> DevelopmentTokenRequest? {
        let level = form["level"] == "3" ? 3 : 4
        if let named = DevelopmentTestPerson.all.first(where: { $0.key == form["person"] }) {
            return DevelopmentTokenRequest(
                subject: named.subject, pid: named.pid, name: named.name, securityLevel: level)
        }
        guard form["person"] == DevelopmentLoginPage.otherPerson else {
            errors.add("person-rita", "Velg hvem du vil logge inn som.")
            return nil
        }
        let name = errors.check("name", label: "Navn") { try Tenant.validName(form.text("name")) }
        let pid = errors.check("pid", label: "Fødselsnummer") {
            try NationalIdentityNumber(form.text("pid"), allowingSynthetic: true)
        }
        guard let name, let pid else { return nil }
        // A typed person keeps one HelseID subject across logins: derived from the number, as HelseID's is.
        let subject = "dev-" + SHA256.hash(data: Data(pid.digits.utf8)).prefix(8).hexEncoded
        return DevelopmentTokenRequest(subject: subject, pid: pid.digits, name: name, securityLevel: level)
    }

    private func requireServer() throws -> DevelopmentAuthorizationServer {
        guard let server else { throw PageNotFound(detail: "The development issuer is not enabled") }
        return server
    }
}

/// The authorization request the page was opened for is unknown, used or expired (they live a minute).
struct DevelopmentLoginExpired: DescribedFailure {
    var code: String { "login.invalid-state" }
    var category: FailureCategory { .invalid }
    var detail: String { "The authorization request is unknown, used or expired; start the login again" }
    var message: String { "Innloggingen er utløpt eller allerede brukt. Start innloggingen på nytt fra portalen." }
}
