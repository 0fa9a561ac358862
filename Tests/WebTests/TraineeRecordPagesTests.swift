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

/// What the LIS checks and takes along: the access log, the sealed approved-objectives record, importing one
/// (a forged file refused at the field), and the completion confirmation (refused until all is approved).
@Suite struct TraineeRecordPagesTests {
    @Test func theLISSeesWhoReadTheirDataAndTakesTheSealedRecordAlong() async throws {
        let fixture = try await WorkFixture()
        let app = fixture.app
        _ = try await app.services.engine.work.activitiesToSign(by: try app.principal(.sindre))
        let lise = try await app.session(.lise)
        try await app.test { client in
            try await client.execute(uri: "/virksomhet/kommune-0301/meg/tilgangslogg", method: .get, headers: .session(lise)) {
                #expect($0.status == .ok)
                #expect($0.text.contains("<td>Sindre Supervisør</td><td>Supervisør</td><td>Leste fremdriften din (aktiviteter og læringsmål)</td>"))
            }
            let record = try await client.execute(
                uri: "/virksomhet/kommune-0301/meg/godkjente-laeringsmal", method: .get, headers: .session(lise)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == #"attachment; filename="godkjente-laeringsmal-kommune-0301.json""#)
                return response.text
            }
            guard case .valid = app.services.engine.verifySealedFile(Data(record.utf8)) else {
                Issue.record("the record does not verify")
                return
            }
            // Not every objective is approved: the confirmation is refused with a page that says so.
            try await client.execute(
                uri: "/virksomhet/kommune-0301/meg/bekreftelse?plan=lis1-kommune", method: .get, headers: .session(lise)
            ) { #expect($0.status == .conflict || $0.status == .badRequest) }
            // A file that is not a sealed record is refused at the field; nothing is imported.
            let page = try await client.execute(uri: "/virksomhet/kommune-0301/meg", method: .get, headers: .session(lise)) { $0.text }
            let csrf = try #require(csrfToken(in: page))
            let boundary = "grense"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"falsk.json\"\r\n"
            body += "Content-Type: application/json\r\n\r\n{\"kind\":\"forged\"}\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/virksomhet/kommune-0301/meg/importer", method: .post,
                headers: [
                    .cookie: "kp_session=\(lise)", .contentType: "multipart/form-data; boundary=\(boundary)",
                    .fetchSite: "same-origin",
                ], body: ByteBuffer(string: body)
            ) {
                #expect($0.status == .badRequest)
                #expect($0.text.contains(##"<a href="#fil">"##))
            }
            // A file larger than a form (a whole plan's record is) is read as the upload it is, not refused
            // with 413: a forged one is still refused at the field.
            var large = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            large += "--\(boundary)\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"stor.json\"\r\n"
            large += "Content-Type: application/json\r\n\r\n{\"pad\":\"" + String(repeating: "x", count: 200_000)
            large += "\"}\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/virksomhet/kommune-0301/meg/importer", method: .post,
                headers: [
                    .cookie: "kp_session=\(lise)", .contentType: "multipart/form-data; boundary=\(boundary)",
                    .fetchSite: "same-origin",
                ], body: ByteBuffer(string: large)
            ) {
                #expect($0.status == .badRequest)
                #expect($0.text.contains(##"<a href="#fil">"##))
            }
        }
    }

    @Test func anotherPersonHasNoRecordPagesOfTheirOwnHere() async throws {
        let fixture = try await WorkFixture()
        let lars = try await fixture.app.session(.lars)
        try await fixture.app.test { client in
            try await client.execute(uri: "/virksomhet/kommune-0301/meg/tilgangslogg", method: .get, headers: .session(lars)) {
                #expect($0.status != .ok)
                #expect(!$0.text.contains("Sindre"))
            }
        }
    }
}
