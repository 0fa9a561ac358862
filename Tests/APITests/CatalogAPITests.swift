import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestSupport
import Testing

@testable import API

@Suite struct CatalogAPITests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Catalog/sample-catalog.json")
    static let header =
        "plan_key,plan_name,programmes,plan_version,effective_from,sample,objective_id,objective_title,objective_description,objective_theme,activity_type,activity_title,activity_signer\n"

    func upload(_ app: TestApp, _ bytes: [UInt8], token: String, type: String = "text/csv") async throws
        -> (status: HTTPResponse.Status, problem: Problem?, body: [String: Any])
    {
        let (status, problem, data) = try await app.test { client in
            try await client.execute(
                uri: "/api/v1/support/catalog", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: type], body: ByteBuffer(bytes: bytes)
            ) { ($0.status, $0.problem, $0.data) }
        }
        return (status, problem, jsonObject(data))
    }

    @Test func supportImportsTheSampleCatalogOnceAndASecondImportChangesNothing() async throws {
        let app = try TestApp()
        let support = try await app.supportToken()
        let file = Array(try Data(contentsOf: Self.sample))
        let first = try await upload(app, file, token: support, type: "application/octet-stream")
        #expect(first.status == .ok)
        #expect((first.body["added"] as? [String])?.count == 3)
        let again = try await upload(app, file, token: support, type: "application/octet-stream")
        #expect((again.body["unchanged"] as? [String])?.count == 3)
        #expect(try app.services.registry.catalogPlans().count == 3)
        #expect(try await upload(app, file, token: try await app.token()).status == .forbidden)
    }

    @Test(arguments: [
        (
            "a duplicate objective id",
            Self.header
                + "p,Plan,lis1,1,2020-03-01,true,P-001,Mål,Beskrivelse,Tema,course,Kurs,supervisor\n"
                + "p,Plan,lis1,1,2020-03-01,true,P-002,Mål,Beskrivelse,Tema,course,Kurs,supervisor\n"
                + "p,Plan,lis1,1,2020-03-01,true,P-001,Mål,Beskrivelse,Tema,course,Kurs,supervisor\n",
            "catalog.duplicate-id"
        ),
        (
            "a missing field",
            Self.header + "p,Plan,lis1,1,2020-03-01,true,P-001,,Beskrivelse,Tema,course,Kurs,supervisor\n",
            "catalog.missing-field"
        ),
    ])
    func aBadCatalogIsRefusedWithEveryProblemNamedAndNothingWritten(_ name: String, _ csv: String, _ code: String)
        async throws
    {
        let app = try TestApp()
        let refused = try await upload(app, Array(csv.utf8), token: try await app.supportToken())
        #expect(refused.status == .badRequest, "\(name)")
        #expect(refused.problem?.code == "catalog.invalid")
        #expect(refused.problem?.detail?.contains("line") == true, "\(refused.problem?.detail ?? "")")
        #expect(try app.services.registry.catalogPlans().isEmpty)
        #expect(throws: CatalogImportFailure.self) { try CatalogImport.parse(Data(csv.utf8)) }
        do {
            _ = try CatalogImport.parse(Data(csv.utf8))
        } catch {
            #expect(error.codes.contains(code), "\(error.codes)")
        }
    }

    @Test func aFileThatIsNotUTF8IsRefusedAsABadEncoding() async throws {
        let app = try TestApp()
        let latin1 = Array(Self.header.utf8) + Array("p,Plan,lis1,1,2020-03-01,true,P-001,M".utf8) + [0xE5] + Array("l,B,T,course,K,supervisor\n".utf8)
        let refused = try await upload(app, latin1, token: try await app.supportToken())
        #expect(refused.status == .badRequest)
        #expect(refused.problem?.code == "catalog.invalid")
        #expect(refused.problem?.detail?.lowercased().contains("utf-8") == true, "\(refused.problem?.detail ?? "")")
        #expect(try app.services.registry.catalogPlans().isEmpty)
    }
}
