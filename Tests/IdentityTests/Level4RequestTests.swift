import Foundation
import Testing

@testable import Identity

/// A login that asks for level 4 (`acr_values=Level4`, as HelseID reads it) is completed only at level 4.
@Suite struct Level4RequestTests {
    @Test func aRequestForLevel4IsNotCompletedAtLevel3ButIsAtLevel4() async throws {
        let fixture = try AuthorizationFixture()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        var form = fixture.parForm(assertion: assertion)
        form["acr_values"] = "Level4"
        let (uri, _) = try await fixture.server.pushAuthorizationRequest(form)
        #expect(fixture.server.requiresLevel4(clientID: "portal", requestURI: uri))
        #expect(!fixture.server.requiresLevel4(clientID: "another", requestURI: uri))

        #expect(throws: OAuthError("access_denied", "the request asked for acr_values Level4")) {
            try fixture.server.authorize(
                clientID: "portal", requestURI: uri,
                person: .init(subject: "rita", pid: "02013299997", name: "Rita", securityLevel: 3))
        }
        // Refused, not used up: the person chooses level 4 and the same request completes.
        let redirect = try fixture.server.authorize(
            clientID: "portal", requestURI: uri,
            person: .init(subject: "rita", pid: "02013299997", name: "Rita", securityLevel: 4))
        #expect(redirect.absoluteString.contains("code="))
    }

    @Test func aRequestWithoutAcrValuesLetsLevel3Through() async throws {
        let fixture = try AuthorizationFixture()
        let assertion = try await fixture.signer.sign(audience: fixture.issuer.issuer, at: fixture.clock.now)
        let (uri, _) = try await fixture.server.pushAuthorizationRequest(fixture.parForm(assertion: assertion))
        #expect(!fixture.server.requiresLevel4(clientID: "portal", requestURI: uri))
        let redirect = try fixture.server.authorize(
            clientID: "portal", requestURI: uri,
            person: .init(subject: "rita", pid: "02013299997", name: "Rita", securityLevel: 3))
        #expect(redirect.absoluteString.contains("code="))
    }
}
