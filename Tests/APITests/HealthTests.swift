import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import API

@Suite struct HealthTests {
    @Test func livenessAnswersOkWithARequestID() async throws {
        let app = try TestApp()
        try await app.test { client in
            try await client.execute(uri: "/health/live", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ok")
                #expect(response.headers[.requestID]?.isEmpty == false)
            }
        }
    }

    @Test func readinessChecksTheRegistry() async throws {
        let app = try TestApp()
        try await app.test { client in
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json()
                #expect(body["status"] as? String == "ready")
                #expect(body["degradedTenants"] as? [String] == [])
            }
        }
    }

    @Test func readinessFailsWhenTheRegistryIsGone() async throws {
        let app = try TestApp()
        try app.services.registry.close()
        try await app.test { client in
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.problem?.code == "registry.unavailable")
                #expect(response.headers[.retryAfter] == "5")
            }
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        let app = try TestApp()
        try await app.test { client in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: \"3.1.0\""))
            }
        }
    }

    @Test func anInboundRequestIDIsKeptAndAnUnsafeOneReplaced() async throws {
        let app = try TestApp()
        try await app.test { client in
            try await client.execute(uri: "/health/live", method: .get, headers: [.requestID: "proxy-1234abcd"]) { response in
                #expect(response.headers[.requestID] == "proxy-1234abcd")
            }
            try await client.execute(uri: "/health/live", method: .get, headers: [.requestID: "bad id\u{7f}"]) { response in
                #expect(response.headers[.requestID] != "bad id\u{7f}")
            }
        }
    }

    @Test func anUnknownRouteIsAProblemWithARequestID() async throws {
        let app = try TestApp()
        try await app.test { client in
            // Inside the API, and outside it for a client that asks for JSON (a browser gets a page).
            for (uri, headers) in [
                ("/api/v1/no/such/thing", HTTPFields()), ("/no/such/thing", [.accept: "application/problem+json"]),
            ] {
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .notFound)
                    #expect(response.problem?.code == "route.not-found")
                    #expect(response.problem?.message == "Siden finnes ikke. Sjekk adressen.")
                    #expect(response.problem?.requestId == response.headers[.requestID])
                }
            }
        }
    }

    @Test func theDevelopmentIssuerPublishesItsKeys() async throws {
        let app = try TestApp()
        try await app.test { client in
            try await client.execute(uri: "/dev-issuer/jwks", method: .get) { response in
                #expect(response.status == .ok)
                let keys = try response.json()["keys"] as? [[String: Any]]
                let keyID = try app.issuer.keyID
                #expect(keys?.first?["kid"] as? String == keyID)
            }
            try await client.execute(uri: "/dev-issuer/.well-known/openid-configuration", method: .get) { response in
                let issuer = try response.json()["issuer"] as? String
                #expect(issuer == app.services.configuration.devIssuer.issuer)
            }
        }
    }
}
