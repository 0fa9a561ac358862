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

extension SignerJourney {
    /// Rita accepts, signs at level 4, and support countersigns: Bergen's agreement is in force.
    @discardableResult
    func putInForce(_ client: some TestClientProtocol, session: String) async throws -> Agreement {
        try await accept(client, token: try await invite(), session: session)
        #expect(try await sign(client, session: session).status == .seeOther)
        let agreement = try #require(
            try app.services.registry.agreements(of: Domain.TenantID(Self.tenant)).first?.agreement)
        _ = try await app.services.engine.agreements.countersign(
            agreement.id, name: "Siri Støtte", by: .init(operator: "test"))
        return agreement
    }
}

/// The signed agreement as a page to read and print: the text, both signatures and the seal's key id.
@Suite struct AgreementCopyPageTests {
    @Test func theSignedAgreementShowsBothSignaturesAndTheSealsKeyID() async throws {
        let journey = try SignerJourney()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            let agreement = try await journey.putInForce(client, session: session)
            let id = agreement.id.uuidString.lowercased()
            let page = try await client.execute(uri: journey.agreementPath, method: .get, headers: .session(session)) {
                $0.text
            }
            #expect(page.contains(#"<a href="/virksomhet/kommune-4601/avtale/\#(id)">Vis og skriv ut"#))
            try await client.execute(uri: journey.agreementPath + "/" + id, method: .get, headers: .session(session)) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                let html = response.text
                #expect(html.contains("<h1>Databehandleravtale for Bergen</h1>"))
                #expect(html.contains("<h3>1. Gjenstand og varighet</h3>"))
                #expect(html.contains("<td>Behandlingsansvarlig (Bergen kommune)</td><td>Rita Rådmann</td>"))
                #expect(html.contains("Signert elektronisk med HelseID på sikkerhetsnivå 4"))
                #expect(html.contains("<td>Siri Støtte (brukerstøtte)</td><td>"))
                #expect(html.contains("Forseglingen er kontrollert og er gyldig."))
                #expect(html.contains("<code>\(journey.app.services.seal.keyID)</code>"))
                #expect(html.contains("<code>\(agreement.documentHash)</code>"))
                #expect(html.contains(#"href="/virksomhet/kommune-4601/avtale/\#(id)/forseglet""#))
            }
        }
    }

    @Test func anAgreementAwaitingCountersignatureIsShownWithoutASeal() async throws {
        let journey = try SignerJourney()
        let session = try await journey.app.session(.rita)
        try await journey.app.test { client in
            try await journey.accept(client, token: try await journey.invite(), session: session)
            #expect(try await journey.sign(client, session: session).status == .seeOther)
            let agreement = try #require(
                try journey.app.services.registry.agreements(of: Domain.TenantID(SignerJourney.tenant)).first)
            let path = journey.agreementPath + "/" + agreement.agreement.id.uuidString.lowercased()
            try await client.execute(uri: path, method: .get, headers: .session(session)) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("Avtalen er ikke kontrasignert ennå, og er derfor ikke forseglet."))
                #expect(!response.text.contains("/forseglet"))
            }
        }
    }

    @Test func anotherPersonOrAMadeUpIdGetsTheSame404() async throws {
        let journey = try SignerJourney()
        let rita = try await journey.app.session(.rita)
        let lise = try await journey.app.session(.lise)
        try await journey.app.test { client in
            let agreement = try await journey.putInForce(client, session: rita)
            let id = agreement.id.uuidString.lowercased()
            for (uri, session) in [
                (journey.agreementPath + "/" + id, lise),
                (journey.agreementPath + "/" + UUID().uuidString.lowercased(), rita),
                (journey.agreementPath + "/not-a-uuid", rita),
                ("/virksomhet/kommune-0301/avtale/" + id, rita),
            ] {
                try await client.execute(uri: uri, method: .get, headers: .session(session)) {
                    #expect($0.status == .notFound, "\(uri)")
                    #expect($0.text.contains("<h1>Vi finner ikke siden</h1>"))
                }
            }
        }
    }
}
