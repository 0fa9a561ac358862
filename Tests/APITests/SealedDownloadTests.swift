import Crypto
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

/// A sealed file certifies bytes: what a kommune or a LIS downloads must hash to exactly what the seal or
/// the sealed statement says, so that they can check their copy against it without us.
@Suite struct SealedDownloadTests {
    @Test func everyExportFileHashesToWhatTheSealedReturnStatementSays() async throws {
        let fixture = try await AgreementFixture()
        let tenant = fixture.tenant
        try await fixture.makeSignerAdministrator()
        _ = try await fixture.signAndCountersign()
        let lis = try await fixture.app.token()
        _ = try await fixture.call(
            "/api/v1/tenants/\(tenant)/trainees/me", .post, lis, #"{"programme":"lis1","email":"lise@example.no"}"#)
        let today = fixture.app.clock.now.isoDay
        _ = try await fixture.call(
            "/api/v1/onboarding/\(tenant)/termination", .post, fixture.signer, #"{"noticeDate":"\#(today)"}"#)
        let returned = try await fixture.call("/api/v1/onboarding/\(tenant)/data-return", .post, fixture.signer)
        #expect(returned.status == .created)
        let sealed = try #require(returned.body["sealed"] as? String)
        guard case .valid(let statement) = PlatformSeal.verify(file: Data(sealed.utf8), publicKey: fixture.app.services.seal.publicKey)
        else {
            Issue.record("the return statement does not verify")
            return
        }
        let files = statement.content["files"]?.arrayValue ?? []
        #expect(files.count == 2)
        for file in files {
            let name = try #require(file["name"]?.stringValue)
            let route = name == "export.json" ? "json" : "database"
            let (status, headers, data) = try await fixture.app.test { client in
                try await client.execute(
                    uri: "/api/v1/onboarding/\(tenant)/data-return/\(route)", method: .get, headers: .bearer(fixture.signer)
                ) { ($0.status, $0.headers, $0.data) }
            }
            #expect(status == .ok, "\(name)")
            #expect(SHA256.hash(data: data).hexEncoded == file["sha256"]?.stringValue, "\(name)")
            #expect(data.count == file["bytes"]?.intValue, "\(name)")
            #expect(headers[.contentDisposition]?.contains("filename=\"\(name)\"") == true, "\(name)")
        }
    }

    @Test func theSealedAgreementDownloadIsTheSealedFileByteForByte() async throws {
        let fixture = try await AgreementFixture()
        try await fixture.makeSignerAdministrator()
        let agreementID = try await fixture.signAndCountersign()
        let stored = try fixture.app.services.registry.storedAgreement(try #require(UUID(uuidString: agreementID)))
        let sealed = try #require(stored.sealed)
        let download = try await fixture.data(
            "/api/v1/onboarding/\(fixture.tenant)/agreements/\(agreementID)/sealed", fixture.signer)
        #expect(download.status == .ok)
        #expect(SHA256.hash(data: download.data).hexEncoded == SHA256.hash(data: Data(sealed.utf8)).hexEncoded)
        guard case .valid(let document) = PlatformSeal.verify(file: download.data, publicKey: fixture.app.services.seal.publicKey)
        else {
            Issue.record("the downloaded agreement does not verify")
            return
        }
        #expect(document.content["documentSha256"]?.stringValue == stored.agreement.documentHash)
        #expect(document.fileText == sealed)
    }

    @Test func theApprovedRecordDownloadIsExactlyTheSealedFile() async throws {
        let f = try await TrainingFixture()
        try await f.bringInEveryone()
        let (status, headers, data) = try await f.app.test { client in
            try await client.execute(uri: f.base + "/approved-record", method: .get, headers: .bearer(f.lis)) {
                ($0.status, $0.headers, $0.data)
            }
        }
        #expect(status == .ok)
        #expect(headers[.contentDisposition]?.hasPrefix("attachment; filename=") == true)
        guard case .valid(let record) = PlatformSeal.verify(file: data, publicKey: f.app.services.seal.publicKey) else {
            Issue.record("the downloaded record does not verify")
            return
        }
        #expect(Data(record.fileText.utf8) == data)
    }
}
