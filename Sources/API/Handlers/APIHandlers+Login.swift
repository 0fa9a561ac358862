import Domain
import Foundation
import Identity

/// HelseID login: start (redirect to the issuer), callback (session), logout.
extension APIHandlers {
    static let sessionPrefix = "kps_"

    func startLogin(_ input: Operations.StartLogin.Input) async throws -> Operations.StartLogin.Output {
        guard let client = services.loginClient else { throw RequestError.routeNotFound }
        let (url, attempt) = try await client.start(at: services.now())
        try await services.registry.saveLoginAttempt(
            stateHash: attempt.stateHash, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier,
            expiresAt: attempt.expiresAt)
        return .found(.init(headers: .init(location: url.absoluteString)))
    }

    func finishLogin(_ input: Operations.FinishLogin.Input) async throws -> Operations.FinishLogin.Output {
        guard let client = services.loginClient else { throw RequestError.routeNotFound }
        if let error = input.query.error { throw LoginError.issuerRefused(error) }
        guard let code = input.query.code, !code.isEmpty else { throw ValidationError(field: "code", reason: .missing) }
        guard let state = input.query.state, !state.isEmpty else { throw ValidationError(field: "state", reason: .missing) }
        // A state is good once: taken out here, so a replayed or forged callback finds nothing.
        guard let stored = try await services.registry.takeLoginAttempt(stateHash: OneTimeSecret.hash(state)) else {
            throw LoginError.invalidState
        }
        let attempt = LoginClient.Attempt(
            stateHash: OneTimeSecret.hash(state), nonce: stored.nonce, codeVerifier: stored.codeVerifier,
            expiresAt: stored.expiresAt)
        let principal = try await client.finish(code: code, issuer: input.query.iss, attempt: attempt, at: services.now())
        let token = Self.sessionPrefix + OneTimeSecret.random()
        let now = services.now()
        let expiresAt = now.addingTimeInterval(services.configuration.login.sessionHours * 3600)
        try await services.registry.createSession(
            tokenHash: OneTimeSecret.hash(token), for: principal, at: now, expiresAt: expiresAt)
        services.logger.info("login", metadata: ["person": "\(principal.personKey)", "level": "\(principal.securityLevel.rawValue)"])
        return .ok(.init(body: .json(.init(sessionToken: token, expiresAt: expiresAt, name: principal.name))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        let scope = try PersonScope.required()
        guard let token = scope.sessionToken else { throw LoginError.notASession }
        try await services.registry.revokeSession(tokenHash: OneTimeSecret.hash(token), at: services.now())
        return .noContent(.init())
    }
}
