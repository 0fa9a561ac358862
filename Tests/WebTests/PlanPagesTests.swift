import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

/// The leder manages a LIS's plans on a page: archive a started plan, assign one in force, remove one not
/// started; someone who is not the leder sees the plans without the forms and cannot change them.
@Suite struct PlanPagesTests {
    @Test func theLederArchivesAssignsAndRemovesPlans() async throws {
        let fixture = try await WorkFixture()
        let lars = try await fixture.app.session(.lars)
        let page = "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())/planer"
        try await fixture.app.test { client in
            let html = try await client.execute(uri: page, method: .get, headers: .session(lars)) { $0.text }
            #expect(html.contains("<td>LIS1 kommune (testkatalog)</td><td>Påbegynt</td>"))
            #expect(html.contains("Alle planene som gjelder for utdanningsløpet, er tildelt."))
            let archive = try #require(html.range(of: #"/planer/[0-9a-f-]+/arkiver"#, options: .regularExpression))
            let archived = try await fixture.post(
                client, "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())"
                    + String(html[archive]), "", session: lars, page: page)
            #expect(archived.status == .seeOther)
            let unknown = try await fixture.post(client, page, "plan=ukjent", session: lars, page: page)
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains(##"<a href="#plan">"##))
            let assigned = try await fixture.post(client, page, "plan=lis1-kommune", session: lars, page: page)
            #expect(assigned.status == .seeOther)
            let after = try await client.execute(uri: page + "?utfort=tildelt", method: .get, headers: .session(lars)) { $0.text }
            #expect(after.contains("<td>Arkivert</td>"))
            #expect(after.contains("<td>Tildelt, ikke påbegynt</td>"))
            let remove = try #require(after.range(of: #"/planer/[0-9a-f-]+/fjern"#, options: .regularExpression))
            let removed = try await fixture.post(
                client, "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())"
                    + String(after[remove]), "", session: lars, page: page)
            #expect(removed.status == .seeOther)
        }
    }

    @Test func aSupervisorSeesNoFormsAndCannotAssign() async throws {
        let fixture = try await WorkFixture()
        let sindre = try await fixture.app.session(.sindre)
        let page = "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())/planer"
        try await fixture.app.test { client in
            try await client.execute(uri: page, method: .get, headers: .session(sindre)) {
                #expect(!$0.text.contains("Tildel planen"))
                #expect(!$0.text.contains("/arkiver"))
            }
            let refused = try await fixture.post(client, page, "plan=lis1-kommune", session: sindre, page: "/start")
            #expect(refused.status == .forbidden || refused.status == .notFound)
        }
    }
}
