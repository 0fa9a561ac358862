import Domain
import Storage
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// Support's console with Oslo open and one LIS registered, for the page tests of the console's actions.
struct ConsoleFixture {
    static let oslo = "kommune-0301"
    static let tenantPath = "/brukerstotte/virksomhet/kommune-0301"

    let app: PortalApp

    init() throws { app = try PortalApp() }

    /// Opens Oslo (a countersigned agreement) and registers Lise as its LIS; returns her id.
    func openOsloWithTrainee() async throws -> UUID {
        let services = app.services
        let tenant = try await services.registry.openForTests(
            Fixtures.tenantID(Self.oslo), provisioner: services.provisioner, seal: services.seal, at: app.clock.now)
        let caller = TenantCaller(tenant: tenant, principal: try app.principal(.lise))
        return try await services.engine.people.registerTrainee(caller, programme: .lis1, email: "lise@example.no").id
    }

    /// The CSRF token of a page the session can open.
    func csrf(_ client: some TestClientProtocol, session: String, page: String = Self.tenantPath) async throws -> String {
        let html = try await client.execute(uri: page, method: .get, headers: .session(session)) { $0.text }
        return try #require(csrfToken(in: html))
    }

    /// A same-origin url-encoded form post.
    func post(
        _ client: some TestClientProtocol, _ path: String, session: String, _ fields: [(String, String)]
    ) async throws -> TestResponse {
        let body = fields.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(
            uri: path, method: .post, headers: .form(session: session), body: ByteBuffer(string: body)
        ) { $0 }
    }

    /// A same-origin multipart post with one file.
    func upload(
        _ client: some TestClientProtocol, _ path: String, session: String, fields: [(String, String)],
        file: (name: String, filename: String, type: String, bytes: [UInt8])
    ) async throws -> TestResponse {
        try await Self.upload(client, path, session: session, fields: fields, file: file)
    }

    /// A same-origin multipart post with one file, for any fixture.
    static func upload(
        _ client: some TestClientProtocol, _ path: String, session: String, fields: [(String, String)],
        file: (name: String, filename: String, type: String, bytes: [UInt8])
    ) async throws -> TestResponse {
        let boundary = "kpTestBoundary7f3a"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n"
                .utf8)
        body += file.bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try await client.execute(
            uri: path, method: .post,
            headers: [
                .cookie: "kp_session=\(session)", .contentType: "multipart/form-data; boundary=\(boundary)",
                .fetchSite: "same-origin",
            ],
            body: ByteBuffer(bytes: body)
        ) { $0 }
    }

    /// A minimal file that passes the content check of a PDF (header and end-of-file marker).
    static func pdf(size: Int = 2048) -> [UInt8] {
        let head = Array("%PDF-1.7\n".utf8)
        let tail = Array("\n%%EOF\n".utf8)
        return head + Array(repeating: UInt8(ascii: "x"), count: max(0, size - head.count - tail.count)) + tail
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
