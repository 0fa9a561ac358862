import Domain
import Engine
import Foundation

/// HelseID login: start (redirect to the issuer), callback (session), logout.
extension APIHandlers {
    func startLogin(_ input: Operations.StartLogin.Input) async throws -> Operations.StartLogin.Output {
        guard services.engine.sessions.isEnabled else { throw RequestError.routeNotFound }
        let url = try await services.engine.sessions.startLogin()
        return .found(.init(headers: .init(location: url.absoluteString)))
    }

    func finishLogin(_ input: Operations.FinishLogin.Input) async throws -> Operations.FinishLogin.Output {
        guard services.engine.sessions.isEnabled else { throw RequestError.routeNotFound }
        let session = try await services.engine.sessions.finishLogin(
            code: input.query.code, state: input.query.state, issuer: input.query.iss, error: input.query.error)
        return .ok(.init(body: .json(.init(
            sessionToken: session.token, expiresAt: session.expiresAt, name: session.principal.name))))
    }

    func logout(_ input: Operations.Logout.Input) async throws -> Operations.Logout.Output {
        let scope = try PersonScope.required()
        try await services.engine.sessions.logout(token: scope.sessionToken)
        return .noContent(.init())
    }
}
