import Foundation
import Identity
import TestSupport
import Testing

@testable import API

/// `--demo` on another port: the URLs that point back at the server follow `http.host`, `http.port` and
/// `http.publicBaseURL` unless they are set, so the HelseID login works end to end on any port.
@Suite struct DemoConfigurationTests {
    static let demoFile = ConfigurationLoadingTests.repository.appendingPathComponent("Config/demo.json")

    static func demo(_ environment: [String: String], arguments: [String: String] = [:]) throws -> AppConfiguration {
        try AppConfiguration.load(file: demoFile, environment: environment, demo: true, arguments: arguments)
    }

    @Test func theURLsBackToTheServerFollowItsPort() throws {
        let configuration = try Self.demo(["KP_HTTP_PORT": "18101"])
        #expect(configuration.http.publicBaseURL == "http://127.0.0.1:18101")
        #expect(configuration.devIssuer.issuer == "http://127.0.0.1:18101/dev-issuer")
        #expect(configuration.login.redirectURI == "http://127.0.0.1:18101/auth/callback")
    }

    @Test func theURLsFollowACommandLinePortAndAnAddressThatListensEverywhere() throws {
        let configuration = try Self.demo(
            ["KP_HTTP_PORT": "9000"], arguments: ["http.host": "0.0.0.0", "http.port": "18101"])
        #expect(configuration.http.host == "0.0.0.0")
        #expect(configuration.devIssuer.issuer == "http://127.0.0.1:18101/dev-issuer")
    }

    @Test func theURLsFollowThePublicBaseURLWhenItIsSet() throws {
        let configuration = try Self.demo(
            ["KP_HTTP_PORT": "18101", "KP_HTTP_PUBLICBASEURL": "https://kp.example.no/"])
        #expect(configuration.http.publicBaseURL == "https://kp.example.no/")
        #expect(configuration.devIssuer.issuer == "https://kp.example.no/dev-issuer")
        #expect(configuration.login.redirectURI == "https://kp.example.no/auth/callback")
    }

    @Test func aURLSetExplicitlyIsKept() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("demo.json")
        try Data(#"{"devIssuer": {"issuer": "http://127.0.0.1:8080/dev-issuer"}}"#.utf8).write(to: file)
        let configuration = try AppConfiguration.load(
            file: file, environment: ["KP_HTTP_PORT": "18101", "KP_LOGIN_REDIRECTURI": "http://elsewhere/cb"],
            demo: true)
        #expect(configuration.devIssuer.issuer == "http://127.0.0.1:8080/dev-issuer")
        #expect(configuration.login.redirectURI == "http://elsewhere/cb")
        #expect(configuration.http.publicBaseURL == "http://127.0.0.1:18101")
    }

    /// The README's walkthrough (`/auth/login` → authorize → callback) against a demo configuration loaded
    /// the way `kp serve --demo` loads it, with only `KP_HTTP_PORT` changed.
    @Test func aDemoServerOnAnotherPortLogsInThroughItsOwnIssuer() async throws {
        var started: (TestApp, LiveServer)?
        for _ in 0..<5 where started == nil {
            let port = Int.random(in: 30_000..<60_000)
            let loaded = try Self.demo(["KP_HTTP_PORT": String(port)])
            let app = try TestApp { configuration in
                let directory = configuration.tenants.directory
                configuration = loaded
                configuration.tenants.directory = directory
                configuration.metrics.port = 0
                configuration.agreements.contractsDirectory = TestApp.contracts.path
            }
            if let server = try? await LiveServer(app: app, port: port) { started = (app, server) }
        }
        let (app, server) = try #require(started)
        defer { withExtendedLifetime(app) {} }
        let toIssuer = try await server.get("/auth/login")
        #expect(toIssuer.status == 302)
        let authorize = try #require(toIssuer.location)
        #expect(authorize.hasPrefix("http://127.0.0.1:\(server.port)/dev-issuer/authorize"))
        let back = try await server.get(authorize + "&name=Lars%20Leder&pid=30108299920&sub=lars")
        let callback = try #require(back.location)
        #expect(callback.hasPrefix("http://127.0.0.1:\(server.port)/auth/callback?code="))
        let session = try await server.get(callback)
        #expect(session.status == 200)
        #expect(session.json["name"] as? String == "Lars Leder")
        #expect((session.json["sessionToken"] as? String)?.hasPrefix("kps_") == true)
        await server.stop()
    }

    /// `kp dev token --as …` and the README walkthrough use `DemoPerson`: under the demo configuration each
    /// of them is accepted as a different person, and only support is support staff.
    @Test func everyDemoPersonIsSomeoneElseAndOnlySupportIsSupport() async throws {
        let loaded = try Self.demo([:])
        #expect(loaded.auth.supportSubjects.contains(DemoPerson.support.subject))
        let app = try TestApp { configuration in
            let directory = configuration.tenants.directory
            configuration = loaded
            configuration.tenants.directory = directory
            configuration.agreements.contractsDirectory = TestApp.contracts.path
        }
        var personKeys = Set<String>()
        for person in DemoPerson.all {
            let principal = try await app.services.verifier.verify(
                token: try await app.issuer.mint(person.tokenRequest, at: app.clock.now))
            personKeys.insert(principal.personKey.hex)
            #expect(principal.isSupport == (person == .support), "\(person.id)")
            #expect(principal.hprNumber == person.hprNumber)
        }
        #expect(personKeys.count == DemoPerson.all.count)
    }
}
