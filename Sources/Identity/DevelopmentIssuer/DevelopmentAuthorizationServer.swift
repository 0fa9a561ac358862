import Crypto
import Foundation
import JWTKit
import Synchronization

/// The development issuer's authorization server: PAR, authorize, and token endpoints with the checks
/// HelseID makes (PKCE S256, `private_key_jwt` with single-use `jti`, single-use request URIs and codes),
/// so the portal's login client runs the real flow locally and in tests.
package final class DevelopmentAuthorizationServer: Sendable {
    package struct Client: Sendable {
        package let id: String
        package let publicJWK: String
        package let redirectURIs: [String]

        package init(id: String, publicJWK: String, redirectURIs: [String]) {
            self.id = id
            self.publicJWK = publicJWK
            self.redirectURIs = redirectURIs
        }
    }

    private struct PushedRequest {
        let clientID: String
        let redirectURI: String
        let state: String
        let nonce: String
        let codeChallenge: String
        /// `acr_values` asked for level 4: only a level-4 login may complete the request.
        let requiresLevel4: Bool
        let expiresAt: Date
    }

    private struct Grant {
        let request: PushedRequest
        let person: DevelopmentTokenRequest
        let expiresAt: Date
    }

    private struct State {
        var requests: [String: PushedRequest] = [:]
        var codes: [String: Grant] = [:]
        var usedAssertionIDs: [String: Date] = [:]
    }

    package let issuer: DevelopmentIssuer
    private let clients: [String: Client]
    private let apiAudience: String
    private let state = Mutex(State())
    private let now: @Sendable () -> Date

    package init(issuer: DevelopmentIssuer, clients: [Client], apiAudience: String, now: @escaping @Sendable () -> Date) {
        self.issuer = issuer
        self.clients = Dictionary(clients.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.apiAudience = apiAudience
        self.now = now
    }

    // MARK: Endpoints

    /// `POST /par` (RFC 9126): authenticates the client and stores the authorization request.
    package func pushAuthorizationRequest(_ form: [String: String]) async throws(OAuthError) -> (requestURI: String, expiresIn: Int) {
        let client = try await authenticate(form)
        guard form["response_type"] == "code" else { throw OAuthError("unsupported_response_type", "response_type must be code") }
        guard let redirect = form["redirect_uri"], client.redirectURIs.contains(redirect) else {
            throw OAuthError("invalid_request", "redirect_uri is not registered for this client")
        }
        guard form["scope"]?.split(separator: " ").contains("openid") == true else {
            throw OAuthError("invalid_scope", "scope must include openid")
        }
        guard form["code_challenge_method"] == "S256", let challenge = form["code_challenge"], challenge.count >= 43 else {
            throw OAuthError("invalid_request", "PKCE with S256 is required")
        }
        guard let requestState = form["state"], !requestState.isEmpty, let nonce = form["nonce"], !nonce.isEmpty else {
            throw OAuthError("invalid_request", "state and nonce are required")
        }
        let uri = "urn:ietf:params:oauth:request_uri:" + OneTimeSecret.random()
        let acr = form["acr_values"]?.split(separator: " ") ?? []
        let request = PushedRequest(
            clientID: client.id, redirectURI: redirect, state: requestState, nonce: nonce, codeChallenge: challenge,
            requiresLevel4: acr.contains { $0 == "Level4" || $0 == "High" }, expiresAt: now().addingTimeInterval(60))
        state.withLock { $0.requests[uri] = request }
        return (uri, 60)
    }

    /// Whether a pending pushed request asked for level 4 (`acr_values=Level4`), so that the login page
    /// offers level 4 only, as HelseID then lists only level-4 identity providers.
    package func requiresLevel4(clientID: String, requestURI: String) -> Bool {
        state.withLock { $0.requests[requestURI] }.map { $0.clientID == clientID && $0.requiresLevel4 } ?? false
    }

    /// `GET /authorize`: takes the pushed request (once) and, as the person the developer chose, returns
    /// the redirect back to the client with a single-use code. A request that asked for level 4 is not
    /// completed below it (and stays pending, so the person can choose again).
    package func authorize(clientID: String, requestURI: String, person: DevelopmentTokenRequest) throws(OAuthError) -> URL {
        let currentTime = now()
        let request = try state.withLock { state throws(OAuthError) -> PushedRequest? in
            if let pending = state.requests[requestURI], pending.requiresLevel4, person.securityLevel < 4 {
                throw OAuthError("access_denied", "the request asked for acr_values Level4")
            }
            return state.requests.removeValue(forKey: requestURI)
        }
        guard let request, request.clientID == clientID, request.expiresAt > currentTime else {
            throw OAuthError("invalid_request_uri", "unknown, used or expired request_uri")
        }
        let code = OneTimeSecret.random()
        state.withLock {
            $0.codes[code] = Grant(request: request, person: person, expiresAt: currentTime.addingTimeInterval(60))
        }
        guard var components = URLComponents(string: request.redirectURI) else {
            throw OAuthError("server_error", "bad redirect_uri")
        }
        let existing = components.queryItems ?? []
        components.queryItems =
            existing + [
                URLQueryItem(name: "code", value: code), URLQueryItem(name: "state", value: request.state),
                URLQueryItem(name: "iss", value: issuer.issuer),
            ]
        guard let url = components.url else { throw OAuthError("server_error", "bad redirect_uri") }
        return url
    }

    /// `POST /token`: authenticates the client, redeems the code once, checks PKCE, and issues an ID token
    /// (audience: the client) and an access token (audience: the API).
    package func token(_ form: [String: String]) async throws(OAuthError) -> (idToken: String, accessToken: String, expiresIn: Int) {
        let client = try await authenticate(form)
        guard form["grant_type"] == "authorization_code" else {
            throw OAuthError("unsupported_grant_type", "grant_type must be authorization_code")
        }
        let code = form["code"] ?? ""
        let grant = state.withLock { $0.codes.removeValue(forKey: code) }
        guard let grant, grant.request.clientID == client.id, grant.expiresAt > now() else {
            throw OAuthError("invalid_grant", "unknown, used or expired code")
        }
        guard form["redirect_uri"] == grant.request.redirectURI else {
            throw OAuthError("invalid_grant", "redirect_uri does not match the authorization request")
        }
        guard let verifier = form["code_verifier"], OneTimeSecret.codeChallenge(for: verifier) == grant.request.codeChallenge
        else { throw OAuthError("invalid_grant", "code_verifier does not match the code_challenge") }
        var idRequest = grant.person
        idRequest.audience = client.id
        idRequest.nonce = grant.request.nonce
        idRequest.lifetime = 300
        var accessRequest = grant.person
        accessRequest.audience = apiAudience
        do {
            return (
                try await issuer.mint(idRequest, at: now()), try await issuer.mint(accessRequest, at: now()),
                Int(accessRequest.lifetime)
            )
        } catch {
            throw OAuthError("server_error", "could not sign tokens")
        }
    }

    // MARK: Client authentication

    /// Checks a `private_key_jwt` client assertion: signed by the registered key, `iss` = `sub` = client id,
    /// `aud` naming this issuer, at most 60 s of life, and a `jti` never seen before.
    private func authenticate(_ form: [String: String]) async throws(OAuthError) -> Client {
        guard form["client_assertion_type"] == ClientAssertionClaims.type, let assertion = form["client_assertion"] else {
            throw OAuthError("invalid_client", "private_key_jwt client authentication is required")
        }
        let claims: ClientAssertionClaims
        let client: Client
        do {
            let unverified = try JSONDecoder().decode(
                ClientAssertionClaims.self,
                from: Data(base64URLEncoded: assertion.split(separator: ".").dropFirst().first ?? "") ?? Data())
            guard let registered = clients[unverified.iss] else { throw OAuthError("invalid_client", "unknown client") }
            client = registered
            let keys = JWTKeyCollection()
            _ = try await keys.add(jwksJSON: #"{"keys":[\#(registered.publicJWK)]}"#)
            claims = try await keys.verify(assertion, as: ClientAssertionClaims.self)
        } catch let error as OAuthError {
            throw error
        } catch {
            throw OAuthError("invalid_client", "client assertion does not verify")
        }
        let currentTime = now()
        if let formClient = form["client_id"], formClient != claims.iss {
            throw OAuthError("invalid_client", "client_id does not match the assertion")
        }
        guard claims.iss == client.id, claims.sub == client.id else {
            throw OAuthError("invalid_client", "iss and sub must be the client id")
        }
        let audiences = [issuer.issuer, issuer.issuer + "/token", issuer.issuer + "/par"]
        guard claims.aud.value.contains(where: audiences.contains) else {
            throw OAuthError("invalid_client", "aud must be the issuer")
        }
        guard claims.exp.value > currentTime.addingTimeInterval(-5),
            claims.exp.value.timeIntervalSince(claims.iat.value) <= ClientAssertionClaims.maximumLifetime
        else { throw OAuthError("invalid_client", "client assertion expired or lives longer than 60 s") }
        let fresh = state.withLock { state in
            state.usedAssertionIDs = state.usedAssertionIDs.filter { $0.value > currentTime }
            guard state.usedAssertionIDs[claims.jti] == nil else { return false }
            state.usedAssertionIDs[claims.jti] = claims.exp.value.addingTimeInterval(60)
            return true
        }
        guard fresh else { throw OAuthError("invalid_client", "client assertion jti already used") }
        return client
    }
}

/// An OAuth error response (RFC 6749 §5.2).
package struct OAuthError: Error, Equatable, Sendable {
    package let code: String
    package let description: String

    package init(_ code: String, _ description: String) {
        self.code = code
        self.description = description
    }
}
