import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import Logging
import NIOCore
import Storage
import TestSupport

@testable import API

/// The real application for page tests, built by the same composition root as `kp serve`, on a
/// temporary folder. Sessions are opened directly in the registry (the login flow has its own test).
struct PortalApp {
    static let supportSubject = "dev-support"

    let folder: TemporaryFolder
    let services: AppServices
    let clock = TestClock()

    init(logger given: Logger? = nil, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        folder = try TemporaryFolder()
        var configuration = AppConfiguration()
        configuration.tenants.directory = folder.path
        configuration.http.port = 0
        // Any free port: tests run side by side.
        configuration.metrics.port = 0
        configuration.devIssuer.enabled = true
        configuration.auth.supportSubjects = [Self.supportSubject]
        configuration.auth.allowSyntheticIdentityNumbers = true
        configuration.agreements.contractsDirectory = Self.contracts.path
        configure(&configuration)
        let secrets = AppSecrets(
            pidHashKey: Array(repeating: 9, count: 32), developmentIssuerKeyPEM: DevelopmentIssuer.generateKeyPEM(),
            loginClientKeyPEM: DevelopmentIssuer.generateKeyPEM(), sealKey: PlatformSeal.generateKey())
        var logger = given ?? Logger(label: "web-test")
        if given == nil { logger.logLevel = .critical }
        let clock = clock
        services = try AppServices(configuration: configuration, secrets: secrets, logger: logger, now: { clock.now })
    }

    static let contracts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts", isDirectory: true)

    /// A person as the verifier would make them (the person key is the keyed hash of the pid).
    func principal(_ person: TestPerson, level: SecurityLevel = .level4) throws -> Principal {
        Principal(
            issuer: services.configuration.devIssuer.issuer, subject: person.subject,
            personKey: services.pidHasher.personKey(pid: person.pid), hprNumber: nil, name: person.name,
            securityLevel: level, isSupport: person.subject == Self.supportSubject)
    }

    /// A live session for the person: the value of the `kp_session` cookie.
    func session(_ person: TestPerson, level: SecurityLevel = .level4) async throws -> String {
        let token = SessionDesk.tokenPrefix + OneTimeSecret.random()
        try await services.registry.createSession(
            tokenHash: OneTimeSecret.hash(token), for: try principal(person, level: level), at: clock.now,
            expiresAt: clock.now.addingTimeInterval(3600))
        return token
    }

    @discardableResult
    func test<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        let app = try buildApplication(services: services)
        return try await app.test(.router, body)
    }
}

/// The people of the page tests.
struct TestPerson: Sendable {
    let subject: String
    let pid: String
    let name: String

    static let rita = TestPerson(subject: DemoPerson.signer.subject, pid: DemoPerson.signer.pid, name: "Rita Rådmann")
    static let siri = TestPerson(subject: PortalApp.supportSubject, pid: DemoPerson.support.pid, name: "Siri Støtte")
    static let lise = TestPerson(subject: DemoPerson.lis.subject, pid: DemoPerson.lis.pid, name: "Lise Lege")
}

extension HTTPFields {
    /// The session cookie (the name used on a plain-http address).
    static func session(_ token: String) -> HTTPFields { [.cookie: "kp_session=\(token)"] }

    /// A same-origin form post of a logged-in person.
    static func form(session token: String) -> HTTPFields {
        [.cookie: "kp_session=\(token)", .contentType: "application/x-www-form-urlencoded", .fetchSite: "same-origin"]
    }
}

extension HTTPField.Name {
    static var fetchSite: Self { Self("Sec-Fetch-Site")! }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// The CSRF token a page's forms carry (read from the page, as a browser would send it back).
func csrfToken(in html: String) -> String? {
    guard let range = html.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
    return String(html[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
}
