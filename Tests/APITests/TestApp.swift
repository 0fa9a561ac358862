import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import Logging
import Storage
import NIOCore
import TestSupport

@testable import API

/// The real application, built by the same composition root as `kp serve`, on a temporary folder.
struct TestApp {
    static let supportSubject = "support-1"

    let folder: TemporaryFolder
    let services: AppServices
    let clock = TestClock()

    init(
        maxOpen: Int = 8, maxBodyBytes: Int = 64 * 1024, smtpPassword: String? = nil, metricsToken: String? = nil,
        configure: (inout AppConfiguration) -> Void = { _ in }
    ) throws {
        folder = try TemporaryFolder()
        var configuration = AppConfiguration()
        configuration.tenants.directory = folder.path
        configuration.tenants.maxOpen = maxOpen
        configuration.http.maxBodyBytes = maxBodyBytes
        configuration.http.port = 0
        // Any free port: tests run side by side.
        configuration.metrics.port = 0
        configuration.devIssuer.enabled = true
        configuration.auth.supportSubjects = [Self.supportSubject]
        configuration.agreements.contractsDirectory = Self.contracts.path
        configure(&configuration)
        let secrets = AppSecrets(
            pidHashKey: Array(repeating: 7, count: 32), developmentIssuerKeyPEM: DevelopmentIssuer.generateKeyPEM(),
            loginClientKeyPEM: DevelopmentIssuer.generateKeyPEM(), sealKey: PlatformSeal.generateKey(),
            metricsToken: metricsToken, smtpPassword: smtpPassword)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let clock = clock
        services = try AppServices(configuration: configuration, secrets: secrets, logger: logger, now: { clock.now })
    }

    var issuer: DevelopmentIssuer {
        get throws {
            guard let issuer = services.developmentIssuer else { throw TestAppError.noDevelopmentIssuer }
            return issuer
        }
    }

    /// A LIS token (security level 4) for the person with this PID.
    func token(subject: String = "lis-1", pid: String = Fixtures.lisPID, name: String = "Lise Lege",
        lifetime: TimeInterval = 600, audience: String? = nil, at time: Date? = nil) async throws -> String
    {
        try await issuer.mint(
            DevelopmentTokenRequest(
                subject: subject, pid: pid, name: name, hprNumber: "181000001", lifetime: lifetime, audience: audience),
            at: time ?? clock.now)
    }

    func supportToken() async throws -> String {
        try await token(subject: Self.supportSubject, pid: Fixtures.otherPID, name: "Brukerstøtte")
    }

    /// The repository's published agreement templates.
    static let contracts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Contracts", isDirectory: true)

    /// Opens a tenant through the services: provisioned, and an agreement signed and countersigned.
    @discardableResult
    func activate(_ raw: String) async throws -> TenantID {
        let id = Fixtures.tenantID(raw)
        if try services.registry.tenant(id) == nil {
            _ = try await services.registry.createVirksomhet(
                id: id, organisationNumber: try OrganisationNumber(Self.organisationNumber(for: raw)), name: raw,
                actor: "test", at: Date())
        }
        try await services.registry.openForTests(id, provisioner: services.provisioner, seal: services.seal, at: clock.now)
        return id
    }

    /// A valid organisation number per test tenant name (the check digit computed, not hard-coded).
    static func organisationNumber(for name: String) -> String {
        let base = String(format: "9%07d", abs(name.hashValue) % 10_000_000)
        for last in 0..<10 {
            let candidate = String(base.prefix(7)) + String(last)
            let digits = candidate.compactMap { $0.wholeNumberValue }
            let sum = zip(digits, [3, 2, 7, 6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
            let check = (11 - sum % 11) % 11
            if check < 10 { return candidate + String(check) }
        }
        return Fixtures.legesenteretOrgnr
    }

    @discardableResult
    func test<Value: Sendable>(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws
        -> Value
    {
        let app = try buildApplication(services: services)
        return try await app.test(.router, body)
    }
}

enum TestAppError: Error { case noDevelopmentIssuer }

extension HTTPFields {
    static func bearer(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)"]
    }

    static func json(bearer token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }
}

extension ByteBuffer {
    static func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
}

extension TestResponse {
    /// The problem document of an error response (and a check that it is one).
    var problem: Problem? {
        guard headers[.contentType] == "application/problem+json" else { return nil }
        return try? JSONDecoder().decode(Problem.self, from: Data(body.readableBytesView))
    }

    var data: Data { Data(body.readableBytesView) }

    func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]) ?? [:]
    }
}

/// A JSON object from a response body (empty when it is not one).
func jsonObject(_ data: Data) -> [String: Any] {
    ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
}
