import Domain
import Foundation
import TestSupport
import Testing

@testable import API

/// The whole HelseID login against the development issuer, over real HTTP: the login client talks to the
/// issuer's discovery, PAR and token endpoints with no shortcut, as it would to HelseID.
@Suite struct LoginTests {
    /// A running server whose development issuer is also its login issuer.
    static func start() async throws -> (TestApp, LiveServer) {
        for _ in 0..<5 {
            let port = Int.random(in: 30_000..<60_000)
            let app = try TestApp { configuration in
                configuration.http.port = port
                configuration.devIssuer.issuer = "http://127.0.0.1:\(port)/dev-issuer"
                configuration.login.enabled = true
                configuration.login.redirectURI = "http://127.0.0.1:\(port)/auth/callback"
                // The issuer's default person is the demo LIS, whose number is synthetic, as in the demo.
                configuration.auth.allowSyntheticIdentityNumbers = true
            }
            if let server = try? await LiveServer(app: app, port: port) { return (app, server) }
        }
        throw SMTPServerError.didNotStart
    }

    @Test func aPersonLogsInAndUsesTheSessionUntilLoggingOut() async throws {
        let (app, server) = try await Self.start()
        defer { withExtendedLifetime(app) {} }
        let toIssuer = try await server.get("/auth/login")
        #expect(toIssuer.status == 302)
        let authorize = try #require(toIssuer.location)
        #expect(authorize.contains("/dev-issuer/authorize?client_id=kompetanseportal&request_uri=urn"))
        let back = try await server.get(authorize + "&name=Lars%20Leder&pid=30108299920&sub=leder-1")
        #expect(back.status == 302)
        let callback = try #require(back.location)
        #expect(callback.contains("/auth/callback?code="))
        let session = try await server.get(callback)
        #expect(session.status == 200)
        #expect(session.json["name"] as? String == "Lars Leder")
        let token = try #require(session.json["sessionToken"] as? String)
        #expect(token.hasPrefix("kps_"))
        let bearer = ["Authorization": "Bearer \(token)"]
        #expect(try await server.get("/api/v1/me/tenants", headers: bearer).status == 200)
        // The same callback again: its state was used up.
        let replay = try await server.get(callback)
        #expect(replay.status == 400)
        #expect(replay.json["code"] as? String == "login.invalid-state")
        #expect(try await server.send("DELETE", "/api/v1/me/session", headers: bearer).status == 204)
        let ended = try await server.get("/api/v1/me/tenants", headers: bearer)
        #expect(ended.status == 401)
        #expect(ended.json["code"] as? String == "auth.session-ended")
        await server.stop()
    }

    @Test func aSessionExpiresAfterItsLifetime() async throws {
        let (app, server) = try await Self.start()
        let authorize = try #require(try await server.get("/auth/login").location)
        let callback = try #require(try await server.get(authorize + "&sub=lis-1").location)
        let token = try #require(try await server.get(callback).json["sessionToken"] as? String)
        let bearer = ["Authorization": "Bearer \(token)"]
        app.clock.advance(by: 7.9 * 3600)
        #expect(try await server.get("/api/v1/me/tenants", headers: bearer).status == 200)
        app.clock.advance(by: 0.2 * 3600)
        let expired = try await server.get("/api/v1/me/tenants", headers: bearer)
        #expect(expired.status == 401)
        #expect(expired.json["code"] as? String == "auth.expired")
        await server.stop()
    }

    @Test func aForgedStateIsRefusedAndOpensNoSession() async throws {
        let (app, server) = try await Self.start()
        defer { withExtendedLifetime(app) {} }
        let forged = try await server.get("/auth/callback?code=abc&state=made-up-state")
        #expect(forged.status == 400)
        #expect(forged.json["code"] as? String == "login.invalid-state")
        #expect(try await server.get("/auth/callback?state=x").json["field"] as? String == "code")
        await server.stop()
    }

    @Test func sessionsAreStoredOnlyAsHashes() async throws {
        let (app, server) = try await Self.start()
        let authorize = try #require(try await server.get("/auth/login").location)
        let callback = try #require(try await server.get(authorize + "&sub=lis-1").location)
        let token = try #require(try await server.get(callback).json["sessionToken"] as? String)
        await server.stop()
        for suffix in ["", "-wal"] {
            let path = app.services.directory.registryPath + suffix
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(bytes.range(of: Data(token.utf8)) == nil)
            #expect(bytes.range(of: Data(token.dropFirst(4).utf8)) == nil)
        }
    }
}
