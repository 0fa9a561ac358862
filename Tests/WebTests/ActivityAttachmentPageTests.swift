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
@testable import Storage

/// The LIS attaches a file when recording an activity on the objective's page; the leder and the supervisor
/// download it from the link; a file of another type or over the limit is refused at its field with nothing
/// written.
@Suite struct ActivityAttachmentPageTests {
    static let page = "/virksomhet/kommune-0301/meg/laeringsmal/lis1-kommune/DEL1-001"

    static func csrf(_ client: some TestClientProtocol, session: String) async throws -> String {
        let html = try await client.execute(uri: page, method: .get, headers: .session(session)) { $0.text }
        #expect(html.contains(##"enctype="multipart/form-data""##))
        #expect(html.contains(##"<label for="vedlegg">Vedlegg (valgfritt)</label>"##))
        return try #require(csrfToken(in: html))
    }

    static func record(
        _ client: some TestClientProtocol, session: String, csrf: String,
        file: (filename: String, type: String, bytes: [UInt8]), date: String
    ) async throws -> TestResponse {
        try await ConsoleFixture.upload(
            client, page + "/aktivitet", session: session,
            fields: [("csrf", csrf), ("valg", "0"), ("utfort", date), ("notat", "Kurs i suturering")],
            file: (name: "vedlegg", filename: file.filename, type: file.type, bytes: file.bytes))
    }

    @Test func theLISAttachesAPDFAndTheLederAndSupervisorDownloadIt() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let lise = try await app.session(.lise)
        let lars = try await app.session(.lars)
        let sindre = try await app.session(.sindre)
        let pdf = ConsoleFixture.pdf(size: 3000)
        let trainee = fixture.invitations.trainee.id
        try await app.test { client in
            let csrf = try await Self.csrf(client, session: lise)
            let recorded = try await Self.record(
                client, session: lise, csrf: csrf, file: ("Kursbevis ALS.pdf", "application/pdf", pdf),
                date: app.clock.now.isoDay)
            #expect(recorded.status == .seeOther)
            let html = try await client.execute(uri: Self.page, method: .get, headers: .session(lise)) { $0.text }
            let link = try #require(
                html.firstMatch(of: #/<strong>Vedlegg:</strong> <a href="([^"]+)">Kursbevis ALS\.pdf</a>/#)?.1)
            #expect(link.hasPrefix("/virksomhet/kommune-0301/lis/\(trainee.uuidString.lowercased())/vedlegg/"))
            for session in [lise, lars, sindre] {
                try await client.execute(uri: String(link), method: .get, headers: .session(session)) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "application/pdf")
                    #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                    #expect(Array(response.body.readableBytesView) == pdf)
                }
            }
            // Someone with no role for Lise, and a file that does not exist: the same 404.
            let rita = try await app.session(.rita)
            try await client.execute(uri: String(link), method: .get, headers: .session(rita)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: String(link.dropLast(4)) + "0000", method: .get, headers: .session(lise)) {
                #expect($0.status == .notFound)
            }
        }
        let activities = try await app.services.engine.training.activities(
            try WorkFixture.caller(app, .lise), trainee: trainee
        ).activities
        let attached = try #require(activities.compactMap(\.content.attachment).first)
        #expect(attached.filename == "Kursbevis ALS.pdf")
        #expect(attached.mediaType == "application/pdf")
        #expect(attached.size == pdf.count)
    }

    @Test(arguments: [
        ("notat.txt", "application/pdf", Array("Bare tekst, ikke en PDF".utf8), "Vedlegget må være en PDF-, JPEG- eller PNG-fil."),
        ("stor.pdf", "application/pdf", ConsoleFixture.pdf(size: 4097), "Vedlegget er for stort. Det kan være høyst 4 kB."),
    ])
    func aFileOfAnotherTypeOrOverTheLimitIsRefusedAtItsFieldAndNothingIsWritten(
        filename: String, type: String, bytes: [UInt8], message: String
    ) async throws {
        let fixture = try await WorkFixture { $0.http.maxUploadBytes = 4096 }
        let app = fixture.app
        let lise = try await app.session(.lise)
        let trainee = fixture.invitations.trainee.id
        let caller = try WorkFixture.caller(app, .lise)
        let before = try await app.services.engine.training.activities(caller, trainee: trainee).activities.count
        try await app.test { client in
            let csrf = try await Self.csrf(client, session: lise)
            let refused = try await Self.record(
                client, session: lise, csrf: csrf, file: (filename, type, bytes), date: app.clock.now.isoDay)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<a href="#vedlegg">Vedlegg: \##(message) Velg filen på nytt.</a>"##))
            #expect(refused.text.contains(##"aria-invalid="true""##))
            #expect(refused.text.contains("Kurs i suturering"))
        }
        #expect(try await app.services.engine.training.activities(caller, trainee: trainee).activities.count == before)
        let stored = try await app.services.tenantStore.withDatabase(Fixtures.tenantID(RoleInvitationFixture.tenant)) {
            try await $0.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attachment") }
        }
        #expect(stored == 0)
    }

    @Test func aRefusedActivityWithAGoodFileStoresNeitherAndAsksForTheFileAgain() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        let lise = try await app.session(.lise)
        let future = app.clock.now.addingTimeInterval(3 * 86_400).isoDay
        try await app.test { client in
            let csrf = try await Self.csrf(client, session: lise)
            let refused = try await Self.record(
                client, session: lise, csrf: csrf, file: ("kurs.pdf", "application/pdf", ConsoleFixture.pdf()), date: future)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(##"<a href="#utfort">"##))
            #expect(refused.text.contains(##"<a href="#vedlegg">Vedlegg: Velg vedlegget på nytt.</a>"##))
        }
        let stored = try await app.services.tenantStore.withDatabase(Fixtures.tenantID(RoleInvitationFixture.tenant)) {
            try await $0.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attachment") }
        }
        #expect(stored == 0)
    }
}
