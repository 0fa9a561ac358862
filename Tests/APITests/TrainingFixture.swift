import Domain
import Engine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

/// A kommune with a LIS1 and the people around them, all brought in through HTTP invitations, on a small
/// two-objective catalog (the real plan has 101; the workflow is the same).
final class TrainingFixture: @unchecked Sendable {
    static let catalog = #"""
        {"plans":[{"key":"lis1-kommune","name":"LIS1 kommune (testkatalog)","programmes":["lis1"],"version":1,
          "effectiveFrom":"2020-03-01","sample":true,"note":"Testdata, ikke Helsedirektoratets tekst.",
          "objectives":[
            {"id":"DEL1-001","title":"Akutte tilstander","description":"Test.","theme":"Akutt",
             "activities":[{"type":"procedure","title":"Prosedyre under supervisjon","signer":"supervisor"}]},
            {"id":"DEL1-002","title":"Kommunikasjon","description":"Test.","theme":"Kommunikasjon",
             "activities":[{"type":"individualSupervision","title":"Individuell veiledning","signer":"veileder"}]}]}]}
        """#

    static let people: [(Role, String, String, String)] = [
        (.leder, "leder-1", "30108299920", "Lars Leder"),
        (.veileder, "veileder-1", "30108299939", "Vera Veileder"),
        (.supervisor, "supervisor-1", "15038810062", "Siri Supervisør"),
    ]

    let app: TestApp
    let tenant: TenantID
    let lis: String
    var tokens: [Role: String] = [:]
    var assignments: [Role: String] = [:]
    var traineeID = ""

    init(
        tenant raw: String = "kommune-0301", app existing: TestApp? = nil, organisationNumber: String = "974770482",
        lisName: String = "Lise Lege"
    ) async throws {
        app = try existing ?? TestApp()
        tenant = Fixtures.tenantID(raw)
        if existing == nil {
            let plans = try CatalogImport.parseJSON(Data(Self.catalog.utf8))
            _ = try await app.services.registry.importCatalog(plans, actor: "test", at: app.clock.now)
        }
        _ = try await app.services.engine.agreements.inviteAdministrator(
            tenant, name: "Rita Rådmann", email: "rita-\(raw)@example.no", organisationNumber: organisationNumber,
            by: PlatformCaller(operator: "test"))
        try await app.services.registry.openForTests(tenant, provisioner: app.services.provisioner, seal: app.services.seal)
        lis = try await app.token(name: lisName)
        traineeID = try await app.register(in: tenant, token: lis, programme: "lis1")
        for (role, subject, pid, name) in Self.people {
            tokens[role] = try await app.token(subject: subject, pid: pid, name: name)
        }
    }

    var base: String { "/api/v1/tenants/\(tenant)/trainees/\(traineeID)" }
    var mailFolder: URL { app.folder.url.appendingPathComponent("_mail") }

    /// The LIS invites each person by e-mail; each accepts with the token from the message.
    func bringInEveryone() async throws {
        for (role, _, _, _) in Self.people {
            let email = "\(role.rawValue)-\(tenant)@example.no"
            #expect(try await call(base + "/invitations", .post, lis, #"{"role":"\#(role.rawValue)","email":"\#(email)"}"#).status == .created)
            await app.services.mailer.deliverDue()
            let token = try #require(ReceivedMail.all(in: mailFolder).filter { $0.to.contains(email) }.compactMap(\.token).last)
            let accepted = try await call(
                "/api/v1/tenants/\(tenant)/invitations/accept", .post, tokens[role], #"{"token":"\#(token)"}"#)
            #expect(accepted.status == .ok, "\(role): \(accepted.text)")
        }
        let roles = try await call(base + "/roles", .get, lis)
        for holder in roles.body["holders"] as? [[String: Any]] ?? [] {
            if let role = (holder["role"] as? String).flatMap(Role.init(rawValue:)), let id = holder["assignmentId"] as? String {
                assignments[role] = id
            }
        }
    }

    func call(_ uri: String, _ method: HTTPRequest.Method, _ token: String?, _ body: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: [String: Any], problem: Problem?, text: String, contentType: String?)
    {
        let (status, data, problem, type) = try await app.test { client in
            var headers: HTTPFields = token.map { .bearer($0) } ?? [:]
            if body != nil { headers[.contentType] = "application/json" }
            return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { .json($0) }) {
                ($0.status, $0.data, $0.problem, $0.headers[.contentType])
            }
        }
        return (status, jsonObject(data), problem, String(decoding: data, as: UTF8.self), type)
    }
}
