import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Storage
import TestSupport
import Testing

@testable import API

/// Bergen on its way to an agreement, through the pages: support names Rita, who gets the e-mail link.
struct SignerJourney {
    static let tenant = "kommune-4601"
    static let email = "rita@bergen.kommune.no"

    let app: PortalApp

    init(logger: Logger? = nil, configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        app = try PortalApp(logger: logger, configure: configure)
    }

    var agreementPath: String { "/virksomhet/\(Self.tenant)/avtale" }

    /// The template version new agreements are signed on today, as the contracts the app reads say.
    var currentVersion: String {
        get throws {
            try ContractCatalogue(directory: app.services.contractsDirectory).currentTemplate(on: app.clock.now.isoDay).version
        }
    }

    /// Support names the signer (through the engine, as the console does); returns the e-mail's link token.
    func invite(name: String = "Rita Rådmann") async throws -> String {
        _ = try await app.services.engine.agreements.inviteAdministrator(
            Fixtures.tenantID(Self.tenant), name: name, email: Self.email, organisationNumber: Fixtures.klinikkenOrgnr,
            by: PlatformCaller(operator: "test"))
        return try #require(try await linkTokens().last)
    }

    /// The `token=` of every link in the e-mails written so far.
    func linkTokens() async throws -> [String] {
        await app.services.mailer.deliverDue()
        let folder = app.folder.url.appendingPathComponent("_mail")
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.sorted { $0.path < $1.path }.compactMap { url in
            guard let raw = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            let parts = raw.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            guard parts.count > 1,
                let body = Data(base64Encoded: parts.dropFirst().joined().replacingOccurrences(of: "\n", with: "")),
                let text = String(data: body, encoding: .utf8),
                let range = text.range(of: #"token=[A-Za-z0-9_-]+"#, options: .regularExpression)
            else { return nil }
            return String(text[range].dropFirst("token=".count))
        }
    }

    /// Rita accepts through the page (GET for the form's token, then POST).
    func accept(_ client: some TestClientProtocol, token: String, session: String) async throws {
        let page = try await client.execute(
            uri: "/kontaktperson/godta?tenant=\(Self.tenant)&token=\(token)", method: .get, headers: .session(session)
        ) { $0.text }
        let csrf = try #require(csrfToken(in: page))
        try await client.execute(
            uri: "/kontaktperson/godta", method: .post, headers: .form(session: session),
            body: ByteBuffer(string: "csrf=\(csrf)&tenant=\(Self.tenant)&token=\(token)")
        ) { response in
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/virksomhet/\(Self.tenant)/avtale?godtatt=1")
        }
    }

    /// Signs what the agreement page shows, with its form's values.
    func sign(_ client: some TestClientProtocol, session: String, confirm: Bool = true) async throws -> TestResponse {
        let page = try await client.execute(uri: agreementPath, method: .get, headers: .session(session)) { $0.text }
        let csrf = try #require(csrfToken(in: page))
        // The hash as the page shows it (at level 3 there is no form to take it from).
        let shown = try #require(page.range(of: #"<code>[0-9a-f]{64}</code>"#, options: .regularExpression))
        let hash = String(page[shown].dropFirst("<code>".count).dropLast("</code>".count))
        return try await client.execute(
            uri: agreementPath + "/signer", method: .post, headers: .form(session: session),
            body: ByteBuffer(
                string: "csrf=\(csrf)&templateVersion=\(try currentVersion)&documentSha256=\(hash)" + (confirm ? "&bekreft=ja" : ""))
        ) { $0 }
    }

    /// The value of a hidden input on a page.
    static func value(of name: String, in html: String) -> String? {
        guard let range = html.range(of: #"name="\#(name)" value="[^"]*""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range].dropFirst(#"name="\#(name)" value=""#.count).dropLast())
    }
}
