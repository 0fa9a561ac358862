import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

@Suite struct PublicListTests {
    @Test func everyKommuneIsListedWithWhetherItsAgreementIsInForce() async throws {
        let app = try TestApp()
        try await app.activate("kommune-4601")
        try await app.activate("legesenteret")
        let data = try await app.test { client in
            try await client.execute(uri: "/api/v1/public/agreements", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag]?.hasPrefix("\"") == true)
                #expect(response.headers[.cacheControl] == "public, max-age=60")
                return response.data
            }
        }
        let list = jsonObject(data)
        let kommuner = try #require(list["kommuner"] as? [[String: Any]])
        #expect(kommuner.count == 357)
        let bergen = try #require(kommuner.first { $0["kommunenummer"] as? String == "4601" })
        #expect(bergen["inForce"] as? Bool == true)
        #expect((bergen["since"] as? String)?.count == 10)
        #expect(kommuner.filter { $0["inForce"] as? Bool == true }.count == 1)
        let virksomheter = try #require(list["virksomheter"] as? [[String: Any]])
        #expect(virksomheter.map { $0["tenantId"] as? String } == ["legesenteret"])
    }

    @Test func anUnchangedListIsNotSentAgain() async throws {
        let app = try TestApp()
        try await app.test { client in
            for uri in ["/api/v1/public/agreements", "/avtaler"] {
                let etag = try await client.execute(uri: uri, method: .get) { $0.headers[.eTag] ?? "" }
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) { response in
                    #expect(response.status == .notModified, "\(uri)")
                    #expect(response.body.readableBytes == 0)
                }
                try await app.activate(uri == "/avtaler" ? "kommune-0301" : "kommune-5001")
                try await client.execute(uri: uri, method: .get, headers: [.ifNoneMatch: etag]) { response in
                    #expect(response.status == .ok, "\(uri) changed")
                }
            }
        }
    }
}
