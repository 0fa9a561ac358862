import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Identity
import NIOCore
import Storage
import TestSupport
import Testing

@testable import API

extension TestPerson {
    static let vera = TestPerson(subject: DemoPerson.veileder.subject, pid: DemoPerson.veileder.pid, name: "Vera Veileder")
    static let sindre = TestPerson(
        subject: DemoPerson.firstSupervisor.subject, pid: DemoPerson.firstSupervisor.pid, name: "Sindre Supervisør")
}

/// Oslo on a two-objective catalog, Lise registered, her leder, veileder and supervisør in place (each
/// invited by e-mail and accepted through the engine), and an activity she has sent to the supervisør.
struct WorkFixture {
    let invitations: RoleInvitationFixture
    var app: PortalApp { invitations.app }
    let activity: LearningActivity
    let holders: [Role: RoleAssignment]

    init(configure: (inout AppConfiguration) -> Void = { _ in }) async throws {
        let catalog = try CatalogImport.parseJSON(Data(TrainingCatalog.json.utf8))
        invitations = try await RoleInvitationFixture(configure: configure)
        let app = invitations.app
        _ = try await app.services.registry.importCatalog(catalog, actor: "test", at: app.clock.now)
        for (person, role, email) in [
            (TestPerson.lars, Role.leder, "lars@oslo.kommune.no"), (.vera, .veileder, "vera@oslo.kommune.no"),
            (.sindre, .supervisor, "sindre@oslo.kommune.no"),
        ] {
            let token = try await invitations.invite(role, email: email)
            _ = try await app.services.engine.people.acceptRoleInvitation(
                by: try app.principal(person), tenant: RoleInvitationFixture.tenant, token: token)
        }
        let lise = try Self.caller(app, .lise)
        let trainee = invitations.trainee.id
        holders = Dictionary(
            try await app.services.engine.people.roles(lise, trainee: trainee).holders.map { ($0.role, $0) },
            uniquingKeysWith: { first, _ in first })
        let recorded = try await app.services.engine.training.recordActivity(
            lise, trainee: trainee,
            ActivityInput(
                planKey: "lis1-kommune", objectiveID: "DEL1-001", recommendation: 0, alternative: nil,
                performedOn: app.clock.now.isoDay, note: "Hemmelig notat om pasienten", attachmentSha256: nil))
        activity = try await app.services.engine.training.submitActivity(
            lise, trainee: trainee, activity: recorded.id,
            signerAssignment: try #require(holders[.supervisor]).id.uuidString.lowercased()
        ).activity
    }

    static func caller(_ app: PortalApp, _ person: TestPerson) throws -> TenantCaller {
        TenantCaller(
            tenant: try app.services.registry.requireTenant(Fixtures.tenantID(RoleInvitationFixture.tenant)),
            principal: try app.principal(person))
    }

    /// Every e-mail written so far, as (recipient, subject, body).
    func mails() async throws -> [(to: String, subject: String, body: String)] {
        await app.services.mailer.deliverDue()
        let folder = app.folder.url.appendingPathComponent("_mail")
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.compactMap { url in
            guard let raw = try? String(contentsOf: url, encoding: .utf8) else { return nil }
            let parts = raw.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            let headers = parts.first ?? ""
            func header(_ name: String) -> String {
                headers.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map {
                    String($0.dropFirst(name.count + 2))
                } ?? ""
            }
            let body = Data(base64Encoded: parts.dropFirst().joined().replacingOccurrences(of: "\n", with: ""))
                .flatMap { String(data: $0, encoding: .utf8) } ?? ""
            return (header("To"), header("Subject"), body)
        }
    }

    /// A form post with the CSRF token of the page at `page`.
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: String, session: String, page: String)
        async throws -> TestResponse
    {
        let html = try await client.execute(uri: page, method: .get, headers: .session(session)) { $0.text }
        let csrf = try #require(csrfToken(in: html))
        return try await client.execute(
            uri: uri, method: .post, headers: .form(session: session),
            body: ByteBuffer(string: "csrf=\(csrf)" + (fields.isEmpty ? "" : "&" + fields))
        ) { $0 }
    }
}

/// The small catalog of the work tests (the real LIS1 plan has 101 objectives; the workflow is the same).
enum TrainingCatalog {
    static let json = #"""
        {"plans":[{"key":"lis1-kommune","name":"LIS1 kommune (testkatalog)","programmes":["lis1"],"version":1,
          "effectiveFrom":"2020-03-01","sample":true,"note":"Testdata, ikke Helsedirektoratets tekst.",
          "objectives":[
            {"id":"DEL1-001","title":"Akutte tilstander","description":"Test.","theme":"Akutt",
             "activities":[{"type":"procedure","title":"Prosedyre under supervisjon","signer":"supervisor"}]},
            {"id":"DEL1-002","title":"Kommunikasjon","description":"Test.","theme":"Kommunikasjon",
             "activities":[{"type":"individualSupervision","title":"Individuell veiledning","signer":"veileder"}]}]}]}
        """#
}
