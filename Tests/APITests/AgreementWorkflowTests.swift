import Domain
import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

@Suite struct AgreementWorkflowTests {
    /// The whole life of a kommune's agreement through HTTP: named signer, sign at level 4, closed until
    /// countersigned, sealed, a LIS works, terminated with return, the export holds the LIS, deletion
    /// removes the file, and every sealed statement verifies.
    @Test func aKommuneGoesFromRegisteredToActiveAndBackToNothingWithSealedRecords() async throws {
        let fixture = try await AgreementFixture()
        let tenant = fixture.tenant
        try await fixture.makeSignerAdministrator()

        // The offer: the current template with the kommune's fields filled in.
        let offer = try await fixture.offer()
        #expect(offer.status == .ok)
        let document = try #require(offer.body["document"] as? String)
        // The party is the kommune's legal name, not its bare name.
        #expect(document.contains("**Bergen kommune**, organisasjonsnummer **\(AgreementFixture.kommuneOrgnr)**"))
        #expect(document.contains("**Rita Rådmann**"))
        let hash = try #require(offer.body["documentSha256"] as? String)
        #expect(hash == ContractCatalogue.sha256(Data(document.utf8)))

        // Signed, but until support countersigns every tenant operation still refuses.
        let signed = try await fixture.sign(hash: hash)
        #expect(signed.status == .created)
        #expect(signed.body["state"] as? String == "awaitingCountersignature")
        let signedBy = try #require(signed.body["signedBy"] as? [String: Any])
        #expect(signedBy["securityLevel"] as? Int == 4)
        #expect(try fixture.app.services.registry.requireTenant(tenant).status == .agreementPending)
        let lis = try await fixture.app.token()
        try await fixture.app.test { client in
            for operation in try await TenantOperation.fetchAll(client) {
                try await client.execute(
                    uri: operation.uri(tenant: tenant.rawValue), method: operation.method, headers: .json(bearer: lis),
                    body: .json(#"{"programme":"lis1"}"#)
                ) { response in
                    #expect(response.status == .forbidden, "\(operation)")
                    #expect(response.problem?.code == "agreement.required", "\(operation)")
                }
            }
        }

        // Countersigned: sealed, the tenant opens, the signer gets the agreement by e-mail.
        let agreementID = try #require(signed.body["id"] as? String)
        let countersigned = try await fixture.countersign(agreementID)
        #expect(countersigned.status == .ok)
        #expect(countersigned.body["state"] as? String == "inForce")
        #expect(try fixture.app.services.registry.requireTenant(tenant).status == .active)
        let confirmation = try #require(await fixture.mail(to: AgreementFixture.signerEmail).first { $0.subject.contains("kontrasignert") })
        #expect(confirmation.body.contains(document))
        #expect(confirmation.body.contains("kompetanseportal-sealed-1"))

        // Anyone with the public key can verify the sealed agreement; an altered copy fails.
        let key = try await fixture.call("/api/v1/public/seal-key", .get, nil)
        let publicKey = try #require(Data(base64Encoded: key.body["publicKey"] as? String ?? ""))
        let sealed = try await fixture.data("/api/v1/onboarding/\(tenant)/agreements/\(agreementID)/sealed", fixture.signer)
        #expect(sealed.status == .ok)
        guard case .valid(let sealedAgreement) = PlatformSeal.verify(file: sealed.data, publicKey: Array(publicKey)) else {
            Issue.record("the sealed agreement does not verify")
            return
        }
        #expect(sealedAgreement.kind == "databehandleravtale")
        #expect(sealedAgreement.content["documentSha256"]?.stringValue == hash)
        #expect(sealedAgreement.content["controllerSignature"]?["name"]?.stringValue == "Rita Rådmann")
        // The offer lists the agreement with its sealed file, the same text as the download.
        let listed = try await fixture.offer()
        let records = try #require(listed.body["agreements"] as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["state"] as? String == "inForce")
        #expect(records.first?["sealed"] as? String == String(decoding: sealed.data, as: UTF8.self))
        let forged = String(decoding: sealed.data, as: UTF8.self).replacingOccurrences(of: "Rita Rådmann", with: "Ola Nordmann")
        #expect(PlatformSeal.verify(file: Data(forged.utf8), publicKey: Array(publicKey)) != .valid(sealedAgreement))

        // A LIS registers and works; the public list shows the agreement in force.
        let registered = try await fixture.call(
            "/api/v1/tenants/\(tenant)/trainees/me", .post, lis, #"{"programme":"lis1","email":"lise@example.no"}"#)
        #expect(registered.status == .created)
        let list = try await fixture.call("/api/v1/public/agreements", .get, nil)
        let bergen = (list.body["kommuner"] as? [[String: Any]])?.first { $0["tenantId"] as? String == tenant.rawValue }
        #expect(bergen?["inForce"] as? Bool == true)

        // Terminated by the kommune with today as the notice date: closed at once, with the reason.
        let today = fixture.app.clock.now.isoDay
        let terminated = try await fixture.call(
            "/api/v1/onboarding/\(tenant)/termination", .post, fixture.signer, #"{"noticeDate":"\#(today)","reason":"Ny leverandør"}"#)
        #expect(terminated.status == .ok)
        #expect(terminated.body["status"] as? String == "terminated")
        let closed = try await fixture.call("/api/v1/tenants/\(tenant)/trainees/me", .get, lis)
        #expect(closed.status == .forbidden)
        #expect(closed.problem?.code == "tenant.terminated")

        // Return: the database (online backup) and the JSON export hold the LIS.
        let returned = try await fixture.call("/api/v1/onboarding/\(tenant)/data-return", .post, fixture.signer)
        #expect(returned.status == .created)
        let database = try await fixture.data("/api/v1/onboarding/\(tenant)/data-return/database", fixture.signer)
        #expect(database.status == .ok)
        #expect(database.data.starts(with: Array("SQLite format 3".utf8)))
        let copy = fixture.app.folder.url.appendingPathComponent("returned.sqlite")
        try database.data.write(to: copy)
        let returnedQueue = try DatabaseQueue(path: copy.path)
        let names = try await returnedQueue.read { db in try String.fetchAll(db, sql: "SELECT name FROM trainee") }
        #expect(names == ["Lise Lege"])
        let json = try await fixture.data("/api/v1/onboarding/\(tenant)/data-return/json", fixture.signer)
        let tables = jsonObject(json.data)["tables"] as? [String: Any]
        #expect((tables?["trainee"] as? [[String: Any]])?.first?["name"] as? String == "Lise Lege")

        // Deletion: the file and its side files and exports are gone; a second deletion is refused.
        // Deletion first says how many LIS have not taken their record, and needs that number confirmed.
        let check = try await fixture.call("/api/v1/onboarding/\(tenant)/data-deletion", .get, fixture.signer)
        #expect(check.body["trainees"] as? Int == 1)
        #expect(check.body["notTaken"] as? Int == 1)
        let unconfirmed = try await fixture.call(
            "/api/v1/onboarding/\(tenant)/data-deletion", .post, fixture.signer, #"{"confirmNotTaken":0}"#)
        #expect(unconfirmed.status == .conflict)
        #expect(unconfirmed.problem?.code == "agreement.deletion-not-confirmed")
        #expect(FileManager.default.fileExists(atPath: fixture.app.services.directory.databasePath(for: tenant)))
        let deleted = try await fixture.call(
            "/api/v1/onboarding/\(tenant)/data-deletion", .post, fixture.signer, #"{"confirmNotTaken":1}"#)
        #expect(deleted.status == .ok)
        let path = fixture.app.services.directory.databasePath(for: tenant)
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: path + suffix)) }
        #expect(!FileManager.default.fileExists(atPath: fixture.app.services.directory.exportsFolder(for: tenant).path))
        let again = try await fixture.call(
            "/api/v1/onboarding/\(tenant)/data-deletion", .post, fixture.signer, #"{"confirmNotTaken":0}"#)
        #expect(again.status == .gone)
        #expect(again.problem?.code == "agreement.data-deleted")
        // The export went with the rest: the download says the data is deleted, not "return it first".
        let gone = try await fixture.call("/api/v1/onboarding/\(tenant)/data-return/json", .get, fixture.signer)
        #expect(gone.status == .gone)
        #expect(gone.problem?.code == "agreement.data-deleted")

        // The signer gets both statements by e-mail, as they got the agreement.
        let statementMail = await fixture.mail(to: AgreementFixture.signerEmail).map(\.subject)
        #expect(statementMail.contains { $0.contains("tilbakelevert") })
        #expect(statementMail.contains { $0.contains("slettet") })

        // Both statements verify with the public key.
        let statements = try await fixture.call("/api/v1/onboarding/\(tenant)/statements", .get, fixture.signer)
        let files = (statements.body["statements"] as? [[String: Any]] ?? []).compactMap { $0["sealed"] as? String }
        #expect(files.count == 2)
        for file in files {
            guard case .valid(let statement) = PlatformSeal.verify(file: Data(file.utf8), publicKey: Array(publicKey)) else {
                Issue.record("statement does not verify")
                continue
            }
            #expect(["data-return-statement", "data-deletion-statement"].contains(statement.kind))
            if statement.kind == "data-deletion-statement" {
                // The sentence people read gives the date as dd.mm.åååå; the machine field stays ISO.
                let expiry = try #require(statement.content["backupsExpireBy"]?.stringValue)
                let text = try #require(statement.content["text"]?.stringValue)
                #expect(text.contains(try CalendarDate(iso: expiry).norwegian))
                #expect(!text.contains(expiry))
            }
        }

        // Every step is in the registry's hash-chained audit log, and the chain is intact.
        let actions = try fixture.auditActions()
        for action in [
            "administrator.invited", "administrator.accepted", "agreement.signed", "agreement.countersigned",
            "agreement.terminated", "data.returned", "data.deleted",
        ] {
            #expect(actions.contains(action), "\(action)")
        }
        guard case .intact = try fixture.app.services.registry.verifyAudit() else {
            Issue.record("audit chain broken")
            return
        }
    }

    @Test func aTerminatedTenantCanSignANewAgreementAndKeepsItsOldOnes() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let first = try await fixture.signAndCountersign()
        let today = fixture.app.clock.now.isoDay
        #expect(try await fixture.call("/api/v1/support/tenants/\(fixture.tenant)/termination", .post, fixture.support,
            #"{"noticeDate":"\#(today)"}"#).status == .ok)
        #expect(
            try await fixture.call(
                "/api/v1/onboarding/\(fixture.tenant)/data-deletion", .post, fixture.signer, #"{"confirmNotTaken":0}"#
            ).status == .ok)
        let second = try await fixture.signAndCountersign()
        let tenant = try fixture.app.services.registry.requireTenant(fixture.tenant)
        #expect(tenant.status == .active)
        #expect(tenant.isProvisioned, "a fresh database for the new agreement")
        let agreements = try fixture.app.services.registry.agreements(of: fixture.tenant)
        #expect(agreements.map { $0.agreement.id.uuidString.lowercased() } == [first, second])
        #expect(agreements.map(\.agreement.state) == [.terminated, .inForce])
    }

    @Test func aVirksomhetRegistersIsApprovedAndItsApplicantSigns() async throws {
        let fixture = try await AgreementFixture()
        let applicant = fixture.signer
        let submitted = try await fixture.call(
            "/api/v1/me/registrations", .post, applicant,
            #"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"Fjordlegene AS","contactEmail":"post@fjordlegene.no","programmes":["alis","lis1"]}"#)
        #expect(submitted.status == .created)
        #expect(submitted.body["state"] as? String == "pending")
        let again = try await fixture.call(
            "/api/v1/me/registrations", .post, applicant,
            #"{"organisationNumber":"\#(Fixtures.legesenteretOrgnr)","name":"Fjordlegene AS","contactEmail":"post@fjordlegene.no","programmes":["alis"]}"#)
        #expect(again.status == .conflict)
        #expect(again.problem?.code == "registration.pending-exists")
        let id = try #require(submitted.body["id"] as? String)
        let pending = try await fixture.call("/api/v1/support/registrations?state=pending", .get, fixture.support)
        #expect((pending.body["registrations"] as? [[String: Any]])?.count == 1)
        let approved = try await fixture.call("/api/v1/support/registrations/\(id)/approve", .post, fixture.support)
        #expect(approved.status == .ok)
        let tenantID = try #require(approved.body["tenantId"] as? String)
        #expect(tenantID == "virksomhet-\(Fixtures.legesenteretOrgnr)")
        #expect(try await fixture.call("/api/v1/support/registrations/\(id)/approve", .post, fixture.support).status == .conflict)
        let mail = await fixture.mail(to: "post@fjordlegene.no")
        #expect(mail.contains { $0.subject.contains("godkjent") })

        // The applicant is the administrator: they see the offer and sign for the virksomhet.
        let offer = try await fixture.call("/api/v1/onboarding/\(tenantID)/agreement", .get, applicant)
        #expect(offer.status == .ok)
        #expect((offer.body["document"] as? String)?.contains("**Fjordlegene AS**") == true)
        let signed = try await fixture.call(
            "/api/v1/onboarding/\(tenantID)/agreement/signatures", .post, applicant,
            #"{"templateVersion":"\#(try fixture.currentVersion)","documentSha256":"\#(offer.body["documentSha256"] as? String ?? "")"}"#)
        #expect(signed.status == .created)
    }
}
