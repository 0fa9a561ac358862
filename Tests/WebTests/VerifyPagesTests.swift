import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import API

/// `/verifiser`: a sealed file checked by anyone, as a form upload or as the body; and the signer's download.
@Suite struct VerifyPagesTests {
    static func multipart(_ file: String, csrf: String? = nil) -> (HTTPFields, ByteBuffer) {
        let boundary = "----kp-test-boundary"
        var body = ""
        if let csrf { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"fil\"; filename=\"avtale.json\"\r\n"
        body += "Content-Type: application/json\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }

    /// Bergen's agreement countersigned, and the sealed file as Rita downloads it from her page.
    static func sealedFile(_ journey: SignerJourney, _ client: some TestClientProtocol, session: String) async throws
        -> String
    {
        try await journey.accept(client, token: try await journey.invite(), session: session)
        #expect(try await journey.sign(client, session: session).status == .seeOther)
        let agreement = try #require(
            try journey.app.services.registry.agreements(of: Domain.TenantID(SignerJourney.tenant)).first?.agreement)
        _ = try await journey.app.services.engine.agreements.countersign(
            agreement.id, name: "Siri", by: .init(operator: "test"))
        let page = try await client.execute(uri: journey.agreementPath, method: .get, headers: .session(session)) {
            $0.text
        }
        #expect(page.contains("Gjelder fra"))
        let link = try #require(
            page.range(of: #"/virksomhet/kommune-4601/avtale/[0-9a-f-]+/forseglet"#, options: .regularExpression))
        return try await client.execute(uri: String(page[link]), method: .get, headers: .session(session)) { response in
            #expect(response.status == .ok)
            #expect(
                response.headers[.contentDisposition]
                    == #"attachment; filename="databehandleravtale-kommune-4601.json""#)
            #expect(response.headers[.cacheControl] == "no-store")
            return response.text
        }
    }

    @Test func theDownloadedFileIsValidAndAnEditedOneIsNot() async throws {
        let journey = try SignerJourney()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            let file = try await Self.sealedFile(journey, client, session: session)
            let (headers, body) = Self.multipart(file)
            try await client.execute(uri: "/verifiser", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Gyldig forsegling"))
                #expect(response.text.contains("<dt>Virksomhet</dt><dd>Bergen</dd>"))
                #expect(response.text.contains("<dt>Signert av virksomheten</dt><dd>Rita Rådmann, "))
            }
            let edited = file.replacingOccurrences(of: "Bergen", with: "Bærum")
            try await client.execute(
                uri: "/verifiser", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: edited)
            ) { response in
                #expect(response.text.contains("Ikke gyldig"))
                #expect(response.text.contains("Forseglingen stemmer ikke med innholdet."))
            }
            // A logged-in person's upload carries the session's token like any other form.
            let csrf = try #require(
                try await client.execute(uri: "/verifiser", method: .get, headers: .session(session)) {
                    csrfToken(in: $0.text)
                })
            var (withSession, again) = Self.multipart(file, csrf: csrf)
            withSession[.cookie] = "kp_session=\(session)"
            try await client.execute(uri: "/verifiser", method: .post, headers: withSession, body: again) {
                #expect($0.text.contains("Gyldig forsegling"))
            }
            (withSession, again) = Self.multipart(file)
            withSession[.cookie] = "kp_session=\(session)"
            try await client.execute(uri: "/verifiser", method: .post, headers: withSession, body: again) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func aFileThatIsNotSealedAndAnEmptyFormAreToldApart() async throws {
        let app = try PortalApp()
        try await app.test { client in
            let (headers, body) = Self.multipart(#"{"hello":"world"}"#)
            try await client.execute(uri: "/verifiser", method: .post, headers: headers, body: body) { response in
                #expect(response.text.contains("Filen er ikke en forseglet fil fra Kompetanseportal."))
            }
            try await client.execute(
                uri: "/verifiser", method: .post, headers: [.contentType: "multipart/form-data; boundary=x"],
                body: ByteBuffer(string: "--x--\r\n")
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains(##"<a href="#fil">Velg filen du vil kontrollere.</a>"##))
            }
        }
    }
}
