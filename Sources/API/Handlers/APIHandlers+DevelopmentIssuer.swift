import Domain
import Foundation
import Identity
import Web

/// The development issuer's authorization endpoints; 404 unless it is enabled.
extension APIHandlers {
    func developmentPushAuthorizationRequest(_ input: Operations.DevelopmentPushAuthorizationRequest.Input)
        async throws -> Operations.DevelopmentPushAuthorizationRequest.Output
    {
        guard let server = services.developmentAuthorization else { throw RequestError.routeNotFound }
        guard case .urlEncodedForm(let form) = input.body else { throw RequestError.malformedBody("Expected a form") }
        do {
            let (uri, expiresIn) = try await server.pushAuthorizationRequest(form.fields)
            return .created(.init(body: .json(.init(requestUri: uri, expiresIn: expiresIn))))
        } catch {
            return .badRequest(.init(body: .json(.init(error: error.code, errorDescription: error.description))))
        }
    }

    func developmentAuthorize(_ input: Operations.DevelopmentAuthorize.Input) async throws
        -> Operations.DevelopmentAuthorize.Output
    {
        guard let server = services.developmentAuthorization else { throw RequestError.routeNotFound }
        let query = input.query
        // A request that names no test person is a browser's: the login page lets the tester choose.
        if query.sub == nil, query.pid == nil, query.name == nil, query.hpr == nil, query.level == nil {
            return .found(.init(headers: .init(
                location: Portal.developmentLoginPath(clientID: query.clientId, requestURI: query.requestUri))))
        }
        // Otherwise the test person comes with the request (scripts and tests), the demo's LIS unless it says
        // otherwise.
        var person = DemoPerson.lis.tokenRequest
        person.subject = query.sub ?? person.subject
        person.pid = query.pid ?? person.pid
        person.name = query.name ?? person.name
        person.hprNumber = query.hpr ?? person.hprNumber
        person.securityLevel = query.level ?? 4
        do {
            let redirect = try server.authorize(clientID: query.clientId, requestURI: query.requestUri, person: person)
            return .found(.init(headers: .init(location: redirect.absoluteString)))
        } catch {
            return .badRequest(.init(body: .json(.init(error: error.code, errorDescription: error.description))))
        }
    }

    func developmentToken(_ input: Operations.DevelopmentToken.Input) async throws -> Operations.DevelopmentToken.Output {
        guard let server = services.developmentAuthorization else { throw RequestError.routeNotFound }
        guard case .urlEncodedForm(let form) = input.body else { throw RequestError.malformedBody("Expected a form") }
        do {
            let tokens = try await server.token(form.fields)
            return .ok(
                .init(
                    body: .json(
                        .init(
                            idToken: tokens.idToken, accessToken: tokens.accessToken, tokenType: "Bearer",
                            expiresIn: tokens.expiresIn))))
        } catch {
            return .badRequest(.init(body: .json(.init(error: error.code, errorDescription: error.description))))
        }
    }
}

extension Components.Schemas.OAuthForm {
    /// The form as the OAuth parameter names it carries.
    var fields: [String: String] {
        let pairs: [(String, String?)] = [
            ("client_id", clientId), ("client_assertion_type", clientAssertionType), ("client_assertion", clientAssertion),
            ("response_type", responseType), ("redirect_uri", redirectUri), ("scope", scope), ("state", state),
            ("nonce", nonce), ("code_challenge", codeChallenge), ("code_challenge_method", codeChallengeMethod),
            ("acr_values", acrValues), ("grant_type", grantType), ("code", code), ("code_verifier", codeVerifier),
        ]
        return Dictionary(pairs.compactMap { key, value in value.map { (key, $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
