import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@testable import API

/// A page about a LIS that the visitor holds no role for reads as a page that is not there (404, not 403).
@Suite struct HiddenPagesTests {
    @Test func someoneWithoutARoleForTheLISGetsTheSame404AsForNothing() async throws {
        let fixture = try await WorkFixture()
        let rita = try await fixture.app.session(.rita)
        let base = "/virksomhet/kommune-0301/lis/\(fixture.invitations.trainee.id.uuidString.lowercased())"
        try await fixture.app.test { client in
            for path in [
                base + "/laeringsmal/lis1-kommune/DEL1-001", base + "/planer", base + "/samtaler", base + "/fremdrift",
                "/virksomhet/kommune-0301/lis/\(UUID().uuidString.lowercased())/planer",
            ] {
                try await client.execute(uri: path, method: .get, headers: .session(rita)) {
                    #expect($0.status == .notFound, "\(path)")
                    #expect($0.text.contains("<h1>Vi finner ikke siden</h1>"), "\(path)")
                    #expect(!$0.text.contains("Lise"), "\(path)")
                }
            }
        }
    }
}
