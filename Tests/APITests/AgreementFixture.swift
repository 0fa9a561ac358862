import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Identity
import TestSupport
import Testing

@testable import API

/// A kommune on its way to an agreement, driven through HTTP as support and the kommune's signer would.
final class AgreementFixture: @unchecked Sendable {
    static let signerEmail = "radmann@bergen.kommune.no"
    static let kommuneOrgnr = Fixtures.klinikkenOrgnr

    let app: TestApp
    let tenant: TenantID
    private(set) var support: String
    private(set) var signer: String

    init(tenant raw: String = "kommune-4601", configure: (inout AppConfiguration) -> Void = { _ in }) async throws {
        app = try TestApp(configure: configure)
        tenant = Fixtures.tenantID(raw)
        support = try await app.supportToken()
        signer = try await app.token(subject: "signer-1", pid: Fixtures.signerPID, name: "Rita Rådmann")
    }

    /// New tokens after the test clock moved past the old ones' lifetime.
    func refreshTokens() async throws {
        support = try await app.supportToken()
        signer = try await app.token(subject: "signer-1", pid: Fixtures.signerPID, name: "Rita Rådmann")
    }

    var mailFolder: URL { app.folder.url.appendingPathComponent("_mail") }

    func mail(to recipient: String) async -> [ReceivedMail] {
        await app.services.mailer.deliverDue()
        return ReceivedMail.all(in: mailFolder).filter { $0.to.contains(recipient) }
    }

    /// A token for the same signer at another security level.
    func signerToken(level: Int) async throws -> String {
        var request = DevelopmentTokenRequest(subject: "signer-1", pid: Fixtures.signerPID, name: "Rita Rådmann", securityLevel: level)
        request.lifetime = 600
        return try await app.issuer.mint(request, at: app.clock.now)
    }

    /// Support names the signer; the signer accepts with the token from the e-mail.
    func makeSignerAdministrator() async throws {
        let status = try await call(
            "/api/v1/support/tenants/\(tenant)/administrators", .post, support,
            #"{"name":"Rita Rådmann","email":"\#(Self.signerEmail)","organisationNumber":"\#(Self.kommuneOrgnr)"}"#
        ).status
        #expect(status == .created)
        let token = try #require(await mail(to: Self.signerEmail).compactMap(\.token).last)
        let accepted = try await call(
            "/api/v1/me/administrator-invitations/accept", .post, signer, #"{"tenantId":"\#(tenant)","token":"\#(token)"}"#)
        #expect(accepted.status == .ok)
    }

    /// The offer as the signer sees it.
    func offer(as token: String? = nil) async throws -> (status: HTTPResponse.Status, body: [String: Any], problem: Problem?) {
        try await call("/api/v1/onboarding/\(tenant)/agreement", .get, token ?? signer)
    }

    /// The template version new agreements are signed on today, as the contracts the app reads say.
    var currentVersion: String {
        get throws { try ContractCatalogue(directory: app.services.contractsDirectory).currentTemplate(on: app.clock.now.isoDay).version }
    }

    func sign(version: String? = nil, hash: String, as token: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: [String: Any], problem: Problem?)
    {
        try await call(
            "/api/v1/onboarding/\(tenant)/agreement/signatures", .post, token ?? signer,
            #"{"templateVersion":"\#(try version ?? currentVersion)","documentSha256":"\#(hash)"}"#)
    }

    func countersign(_ agreementID: String) async throws -> (status: HTTPResponse.Status, body: [String: Any], problem: Problem?) {
        try await call("/api/v1/support/agreements/\(agreementID)/countersign", .post, support)
    }

    /// Signs the current offer and has support countersign it; returns the agreement id.
    @discardableResult
    func signAndCountersign() async throws -> String {
        let hash = try #require(try await offer().body["documentSha256"] as? String)
        let signed = try await sign(hash: hash)
        #expect(signed.status == .created)
        let id = try #require(signed.body["id"] as? String)
        #expect(try await countersign(id).status == .ok)
        return id
    }

    func call(_ uri: String, _ method: HTTPRequest.Method, _ token: String?, _ body: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: [String: Any], problem: Problem?)
    {
        let (status, data, problem) = try await app.test { client in
            var headers: HTTPFields = token.map { .bearer($0) } ?? [:]
            if body != nil { headers[.contentType] = "application/json" }
            return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { .json($0) }) {
                ($0.status, $0.data, $0.problem)
            }
        }
        return (status, jsonObject(data), problem)
    }

    func data(_ uri: String, _ token: String) async throws -> (status: HTTPResponse.Status, data: Data) {
        try await app.test { client in
            try await client.execute(uri: uri, method: .get, headers: .bearer(token)) { ($0.status, $0.data) }
        }
    }

    func auditActions() throws -> [String] {
        try app.services.registry.auditEntries(tenant: tenant).map(\.action)
    }
}
