import Domain
import Foundation
import Identity
import Storage

/// HelseID login and the portal's sessions, for every door that logs people in (the API's bearer
/// sessions and the pages' cookie sessions): start the flow, finish it into a session, look a session up,
/// end it.
///
/// Only hashes are stored: of the login `state`, of a browser's binding secret and of the session token.
/// The token itself is returned once, to be handed to the browser or client.
package struct SessionDesk: Sendable {
    let engine: Engine

    /// A session token starts with this, so that a token in a log or a paste is recognised for what it is.
    package static let tokenPrefix = "kps_"

    /// Where to send the browser to log in; the attempt (state, nonce, PKCE verifier) is kept until the
    /// callback takes it. A page passes `browserBinding`, a secret it keeps in the browser's cookie: only
    /// that browser can then finish the login.
    /// With `requireLevel4`, the issuer offers only level-4 identity providers.
    package func startLogin(browserBinding: String? = nil, requireLevel4: Bool = false) async throws -> URL {
        let client = try requireClient()
        let (url, attempt) = try await client.start(at: engine.now(), requireLevel4: requireLevel4)
        try await engine.registry.saveLoginAttempt(
            stateHash: attempt.stateHash, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier,
            expiresAt: attempt.expiresAt, browserBindingHash: browserBinding.map(OneTimeSecret.hash))
        return url
    }

    /// The issuer's callback: a state is good once (taken out here, so a replayed or forged callback finds
    /// nothing), then the code is exchanged and the ID token verified, and a session begins.
    ///
    /// `browserBinding` must be what `startLogin` was given: none for an API client's login, the cookie's
    /// secret for a page's. A page's login finished elsewhere (a link planted in another browser) is refused.
    package func finishLogin(
        code: String?, state: String?, issuer: String?, error: String?, browserBinding: String? = nil
    ) async throws -> NewSession {
        let client = try requireClient()
        if error != nil { throw LoginError.notCompleted }
        guard let code, !code.isEmpty else { throw ValidationError(field: "code", reason: .missing) }
        guard let state, !state.isEmpty else { throw ValidationError(field: "state", reason: .missing) }
        guard let stored = try await engine.registry.takeLoginAttempt(stateHash: OneTimeSecret.hash(state)) else {
            throw LoginError.invalidState
        }
        guard stored.browserBindingHash == browserBinding.map(OneTimeSecret.hash) else { throw LoginError.invalidState }
        let attempt = LoginClient.Attempt(
            stateHash: OneTimeSecret.hash(state), nonce: stored.nonce, codeVerifier: stored.codeVerifier,
            expiresAt: stored.expiresAt)
        let principal = try await client.finish(code: code, issuer: issuer, attempt: attempt, at: engine.now())
        let token = Self.tokenPrefix + OneTimeSecret.random()
        let now = engine.now()
        let expiresAt = now.addingTimeInterval(engine.sessionLifetime)
        try await engine.registry.createSession(
            tokenHash: OneTimeSecret.hash(token), for: principal, at: now, expiresAt: expiresAt)
        engine.logger.info(
            "login", metadata: ["person": "\(principal.personKey)", "level": "\(principal.securityLevel.rawValue)"])
        return NewSession(token: token, expiresAt: expiresAt, principal: principal)
    }

    /// The person of a live session token (`kps_…`), or nil when it is unknown, expired or revoked: the one
    /// lookup for a bearer session and a page's cookie alike.
    package func principal(ofSession token: String) throws -> Principal? {
        guard token.hasPrefix(Self.tokenPrefix) else { return nil }
        guard case .live(let principal) = try lookup(session: token) else { return nil }
        return principal
    }

    /// Why a session token works or not (live, ended by logging out, expired, unknown): the API tells the
    /// client which, the pages only need a live one.
    package func lookup(session token: String) throws -> SessionLookup {
        try engine.registry.session(tokenHash: OneTimeSecret.hash(token), at: engine.now())
    }

    /// Ends a session on the server: the token stops working at once.
    package func logout(token: String?) async throws {
        guard let token else { throw LoginError.notASession }
        try await engine.registry.revokeSession(tokenHash: OneTimeSecret.hash(token), at: engine.now())
    }

    /// The tenants the person belongs to, with their roles in each.
    package func memberships(of principal: Principal) throws -> [(tenant: Tenant, roles: [Role])] {
        try engine.registry.memberships(of: principal.personKey)
    }

    /// How long a session lasts (`login.sessionHours`): also the life of a page's session cookie.
    package var lifetime: TimeInterval { engine.sessionLifetime }

    /// False unless `login.enabled`: the doors then answer as if the login routes did not exist.
    package var isEnabled: Bool { engine.loginClient != nil }

    private func requireClient() throws -> LoginClient {
        guard let client = engine.loginClient else { throw InternalFailure() }
        return client
    }
}

/// A session just begun: the token (shown once), when it ends, and who it is for.
package struct NewSession: Sendable {
    package let token: String
    package let expiresAt: Date
    package let principal: Principal
}

extension Engine {
    /// HelseID login and sessions.
    package var sessions: SessionDesk { SessionDesk(engine: self) }
}
