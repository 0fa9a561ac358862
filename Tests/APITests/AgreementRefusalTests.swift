import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

/// Every refusal the agreement workflow names: problem+json with a stable code, and nothing written.
@Suite struct AgreementRefusalTests {
    @Test func aLevel3LoginCannotSignAndSaysWhy() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let level3 = try await fixture.signerToken(level: 3)
        let hash = try #require(try await fixture.offer(as: level3).body["documentSha256"] as? String)
        let refused = try await fixture.sign(hash: hash, as: level3)
        #expect(refused.status == .forbidden)
        #expect(refused.problem?.code == "agreement.security-level-too-low")
        #expect(refused.problem?.detail?.contains("security level 4") == true)
        #expect(try fixture.app.services.registry.agreements(of: fixture.tenant).isEmpty)
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).status == .registered)
    }

    @Test func someoneWhoIsNotTheTenantsAdministratorCannotSeeOrSign() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let other = try await fixture.app.token()
        let offer = try await fixture.offer(as: other)
        #expect(offer.status == .forbidden)
        #expect(offer.problem?.code == "agreement.not-authorised")
        let hash = try #require(try await fixture.offer().body["documentSha256"] as? String)
        #expect(try await fixture.sign(hash: hash, as: other).problem?.code == "agreement.not-authorised")
        // The administrator of one tenant is not the administrator of another.
        let elsewhere = try await fixture.call("/api/v1/onboarding/kommune-0301/agreement", .get, fixture.signer)
        #expect(elsewhere.problem?.code == "agreement.not-authorised")
        #expect(try fixture.app.services.registry.agreements(of: fixture.tenant).isEmpty)
    }

    @Test func signingTwiceOrAnotherDocumentIsRefused() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let mismatch = try await fixture.sign(hash: String(repeating: "0", count: 64))
        #expect(mismatch.status == .badRequest)
        #expect(mismatch.problem?.code == "agreement.document-mismatch")
        let unknown = try await fixture.sign(version: "v9", hash: "x")
        #expect(unknown.status == .notFound)
        #expect(unknown.problem?.code == "agreement.unknown-version")
        let hash = try #require(try await fixture.offer().body["documentSha256"] as? String)
        #expect(try await fixture.sign(hash: hash).status == .created)
        let twice = try await fixture.sign(hash: hash)
        #expect(twice.status == .conflict)
        #expect(twice.problem?.code == "agreement.awaiting-countersignature")
        let id = try #require(try fixture.app.services.registry.agreements(of: fixture.tenant).first?.agreement.id)
        #expect(try await fixture.countersign(id.uuidString.lowercased()).status == .ok)
        let afterwards = try await fixture.sign(hash: hash)
        #expect(afterwards.status == .conflict)
        #expect(afterwards.problem?.code == "agreement.already-signed")
        #expect(try fixture.app.services.registry.agreements(of: fixture.tenant).count == 1)
    }

    @Test func countersigningAnUnsignedUnknownOrCountersignedAgreementIsRefused() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let unknown = try await fixture.countersign(UUID().uuidString.lowercased())
        #expect(unknown.status == .notFound)
        #expect(unknown.problem?.code == "agreement.unknown")
        let malformed = try await fixture.countersign("not-a-uuid")
        #expect(malformed.status == .badRequest)
        #expect(!(try fixture.app.services.registry.requireTenant(fixture.tenant).isProvisioned), "nothing provisioned")
        let id = try await fixture.signAndCountersign()
        let again = try await fixture.countersign(id)
        #expect(again.status == .conflict)
        #expect(again.problem?.code == "agreement.already-countersigned")
        let lis = try await fixture.app.token()
        #expect(try await fixture.call("/api/v1/support/agreements/\(id)/countersign", .post, lis).status == .forbidden)
    }

    @Test func aTamperedTemplateOnDiskIsNotOfferedAndTheServerSaysWhy() async throws {
        let contracts = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: TestApp.contracts.appendingPathComponent("v1"), to: contracts.url.appendingPathComponent("v1"))
        let fixture = try await AgreementFixture { $0.agreements.contractsDirectory = contracts.path }
        try await fixture.makeSignerAdministrator()
        let hash = try #require(try await fixture.offer().body["documentSha256"] as? String)
        let text = contracts.url.appendingPathComponent("v1/databehandleravtale.md")
        let original = try String(contentsOf: text, encoding: .utf8)
        try (original + "\nLeverandøren kan bruke opplysningene fritt.\n").write(to: text, atomically: true, encoding: .utf8)
        let offer = try await fixture.offer()
        #expect(offer.status == .serviceUnavailable)
        #expect(offer.problem?.code == "agreement.template-refused")
        #expect(offer.problem?.detail?.contains("does not match its published SHA-256") == true)
        let signed = try await fixture.sign(version: "v1", hash: hash)
        #expect(signed.problem?.code == "agreement.template-refused")
        #expect(try fixture.app.services.registry.agreements(of: fixture.tenant).isEmpty)
    }

    @Test func aSupersededVersionCannotBeSignedAndSupportSeesWhoHasNotSignedTheNewOne() async throws {
        let contracts = try TemporaryFolder()
        try FileManager.default.copyItem(
            at: TestApp.contracts.appendingPathComponent("v1"), to: contracts.url.appendingPathComponent("v1"))
        let fixture = try await AgreementFixture { $0.agreements.contractsDirectory = contracts.path }
        try await fixture.makeSignerAdministrator()
        try await fixture.signAndCountersign()
        // Support publishes v2, effective tomorrow; the day after, it is the version to sign.
        let tomorrow = fixture.app.clock.now.addingTimeInterval(86_400).isoDay
        try Self.publish("v2", effective: tomorrow, copying: contracts.url.appendingPathComponent("v1"), in: contracts.url)
        fixture.app.clock.advance(by: 2 * 86_400)
        try await fixture.refreshTokens()
        let offer = try await fixture.offer()
        #expect(offer.body["templateVersion"] as? String == "v2")
        #expect(offer.body["newVersionAwaitsSignature"] as? Bool == true)
        let unsigned = try await fixture.call("/api/v1/support/agreements/unsigned", .get, fixture.support)
        #expect(unsigned.body["version"] as? String == "v2")
        #expect((unsigned.body["tenants"] as? [[String: Any]])?.map { $0["tenantId"] as? String } == [fixture.tenant.rawValue])
        let old = try await fixture.sign(version: "v1", hash: "irrelevant")
        #expect(old.status == .conflict)
        #expect(old.problem?.code == "agreement.superseded-version")
        // The tenant keeps working on v1 while v2 is signed and countersigned.
        let hash = try #require(offer.body["documentSha256"] as? String)
        let signed = try await fixture.sign(version: "v2", hash: hash)
        #expect(signed.status == .created)
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).status == .active)
        #expect(try await fixture.countersign(signed.body["id"] as? String ?? "").status == .ok)
        let states = try fixture.app.services.registry.agreements(of: fixture.tenant).map(\.agreement.state)
        #expect(states == [.superseded, .inForce])
        let after = try await fixture.call("/api/v1/support/agreements/unsigned", .get, fixture.support)
        #expect((after.body["tenants"] as? [[String: Any]])?.isEmpty == true)
    }

    @Test func theLegalNameSupportGivesIsCheckedAndNamesTheParty() async throws {
        let fixture = try await AgreementFixture(tenant: "kommune-0301")
        let path = "/api/v1/support/tenants/\(fixture.tenant)/administrators"
        func invite(_ legalName: String) async throws -> (status: HTTPResponse.Status, problem: Problem?) {
            let result = try await fixture.call(
                path, .post, fixture.support,
                #"{"name":"Rita Rådmann","email":"rita@oslo.kommune.no","organisationNumber":"974770482","legalName":"\#(legalName)"}"#)
            return (result.status, result.problem)
        }
        let wrong = try await invite("Bergen kommune")
        #expect(wrong.status == .badRequest)
        #expect(wrong.problem?.field == "legalName")
        // Refused as a whole: neither the organisation number nor an invitation was recorded.
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).organisationNumber == nil)
        #expect(await fixture.mail(to: "rita@oslo.kommune.no").isEmpty)
        #expect(try await invite("Oslo kommune").status == .created)
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).partyName == "Oslo kommune")
        #expect(try fixture.auditActions().contains("tenant.legal-name"))
    }

    @Test func thePaperPathChecksTheFileByContentAndSize() async throws {
        let fixture = try await AgreementFixture(tenant: "kommune-0301")
        try await fixture.makeSignerAdministrator()
        func upload(_ bytes: [UInt8], signer: String = "Per%20Papir") async throws -> (HTTPResponse.Status, Problem?, Data) {
            try await fixture.app.test { client in
                try await client.execute(
                    uri: "/api/v1/support/tenants/\(fixture.tenant)/paper-agreements?templateVersion=\(try fixture.currentVersion)&signerName=\(signer)",
                    method: .post, headers: [.authorization: "Bearer \(fixture.support)", .contentType: "application/pdf"],
                    body: .init(bytes: bytes)
                ) { ($0.status, $0.problem, $0.data) }
            }
        }
        let notPDF = try await upload(Array("PK\u{3}\u{4} this is a zip file named agreement.pdf".utf8))
        #expect(notPDF.0 == .unsupportedMediaType)
        #expect(notPDF.1?.code == "agreement.scan-not-pdf")
        let truncated = try await upload(Array("%PDF-1.7\n1 0 obj\n".utf8))
        #expect(truncated.1?.code == "agreement.scan-not-pdf")
        let large = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: PaperScan.maximumBytes) + Array("%%EOF\n".utf8)
        let tooLarge = try await upload(large)
        #expect(tooLarge.0 == .contentTooLarge)
        #expect(try fixture.app.services.registry.agreements(of: fixture.tenant).isEmpty)
        let scans = fixture.app.services.directory.agreementsFolder(for: fixture.tenant)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scans.path))?.isEmpty ?? true)

        let pdf = Array("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
        let accepted = try await upload(pdf)
        #expect(accepted.0 == .created)
        let body = jsonObject(accepted.2)
        #expect(body["channel"] as? String == "paper")
        #expect(body["scanSha256"] as? String == ContractCatalogue.sha256(Data(pdf)))
        #expect(try await fixture.countersign(body["id"] as? String ?? "").status == .ok)
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).status == .active)
        let stored = try Data(contentsOf: scans.appendingPathComponent("\(ContractCatalogue.sha256(Data(pdf))).pdf"))
        #expect(Array(stored) == pdf)
    }

    @Test func terminationIsRefusedWhenThereIsNothingToTerminateOrTheDateIsWrong() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let path = "/api/v1/support/tenants/\(fixture.tenant)/termination"
        let nothing = try await fixture.call(path, .post, fixture.support, #"{"noticeDate":"\#(fixture.app.clock.now.isoDay)"}"#)
        #expect(nothing.status == .conflict)
        #expect(nothing.problem?.code == "agreement.not-in-force")
        try await fixture.signAndCountersign()
        let yesterday = fixture.app.clock.now.addingTimeInterval(-86_400).isoDay
        for (body, code) in [
            (#"{"noticeDate":"\#(yesterday)"}"#, "agreement.notice-date-in-past"),
            (#"{"noticeDate":"2026-02-30"}"#, "validation.failed"),
            (#"{"noticeDate":"tomorrow"}"#, "validation.failed"),
            (#"{"noticeDate":"2099-01-01"}"#, "agreement.notice-date-too-far"),
        ] {
            let refused = try await fixture.call(path, .post, fixture.support, body)
            #expect(refused.status == .badRequest, "\(body)")
            #expect(refused.problem?.code == code, "\(body)")
        }
        #expect(try fixture.app.services.registry.requireTenant(fixture.tenant).status == .active)
        // Before any termination, data return says that the agreement is not terminated (not "nothing to
        // terminate"), and nothing is exported.
        let unterminated = try await fixture.call("/api/v1/onboarding/\(fixture.tenant)/data-return", .post, fixture.signer)
        #expect(unterminated.status == .conflict)
        #expect(unterminated.problem?.code == "agreement.not-terminated")
        #expect(try fixture.app.services.registry.latestExport(of: fixture.tenant) == nil)
        // A later notice date keeps the tenant open until then; data cannot be returned before.
        let nextWeek = fixture.app.clock.now.addingTimeInterval(7 * 86_400).isoDay
        #expect(try await fixture.call(path, .post, fixture.support, #"{"noticeDate":"\#(nextWeek)"}"#).status == .ok)
        let lis = try await fixture.app.token()
        #expect(try await fixture.call("/api/v1/tenants/\(fixture.tenant)/trainees/me", .get, lis).problem?.code == "trainee.not-registered")
        let early = try await fixture.call("/api/v1/onboarding/\(fixture.tenant)/data-return", .post, fixture.signer)
        #expect(early.problem?.code == "agreement.notice-period")
        let twice = try await fixture.call(path, .post, fixture.support, #"{"noticeDate":"\#(nextWeek)"}"#)
        #expect(twice.status == .conflict)
        #expect(twice.problem?.code == "agreement.already-terminated")
        fixture.app.clock.advance(by: 8 * 86_400)
        #expect(try await fixture.call("/api/v1/tenants/\(fixture.tenant)/trainees/me", .get, lis).problem?.code == "tenant.terminated")
    }

    @Test func aRegistrationWithBadInputOrNoReasonIsRefused() async throws {
        let fixture = try await AgreementFixture()
        for (body, field) in [
            (#"{"organisationNumber":"\#(Fixtures.invalidOrgnr)","name":"A","contactEmail":"a@b.no","programmes":["alis"]}"#, "organisationNumber"),
            (#"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":" ","contactEmail":"a@b.no","programmes":["alis"]}"#, "name"),
            (#"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"A","contactEmail":"nope","programmes":["alis"]}"#, "contactEmail"),
            (#"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"A","contactEmail":"a@b.no","programmes":[]}"#, "programmes"),
            (#"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"A","contactEmail":"a@b.no","programmes":["kirurgi"]}"#, "programmes"),
        ] {
            let refused = try await fixture.call("/api/v1/me/registrations", .post, fixture.signer, body)
            #expect(refused.status == .badRequest, "\(field)")
            #expect(refused.problem?.field == field)
        }
        #expect(try fixture.app.services.registry.registrations().isEmpty)
        let filed = try await fixture.call(
            "/api/v1/me/registrations", .post, fixture.signer,
            #"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"A","contactEmail":"a@b.no","programmes":["alis"]}"#)
        let id = try #require(filed.body["id"] as? String)
        let noReason = try await fixture.call("/api/v1/support/registrations/\(id)/reject", .post, fixture.support, #"{"reason":"  "}"#)
        #expect(noReason.status == .badRequest)
        #expect(noReason.problem?.code == "registration.reason-required")
        let rejected = try await fixture.call(
            "/api/v1/support/registrations/\(id)/reject", .post, fixture.support, #"{"reason":"Ikke en helsevirksomhet"}"#)
        #expect(rejected.body["state"] as? String == "rejected")
        #expect(await fixture.mail(to: "a@b.no").contains { $0.body.contains("Ikke en helsevirksomhet") })
        #expect(try fixture.app.services.registry.tenants(kind: .virksomhet).isEmpty)
    }

    /// A new template version: a new folder with its own manifest and hash.
    static func publish(_ version: String, effective: String, copying source: URL, in folder: URL) throws {
        let target = folder.appendingPathComponent(version)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let text = try String(contentsOf: source.appendingPathComponent("databehandleravtale.md"), encoding: .utf8)
            + "\n(Versjon \(version).)\n"
        try text.write(to: target.appendingPathComponent("databehandleravtale.md"), atomically: true, encoding: .utf8)
        let manifest = """
            {"version":"\(version)","effectiveDate":"\(effective)","fields":["organisasjonsnavn","organisasjonsnummer","signatar"],
             "files":[{"name":"databehandleravtale.md","sha256":"\(ContractCatalogue.sha256(Data(text.utf8)))"}]}
            """
        try manifest.write(to: target.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
    }
}
