import Foundation
import Testing

@testable import Domain

@Suite struct SupportAccessTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let support = Principal(
        issuer: "https://issuer.test", subject: "support-1", personKey: PersonKey(digest: Array(repeating: UInt8(5), count: 32)),
        hprNumber: nil, name: "Siv Support", securityLevel: .level4, isSupport: true)

    @Test func accessIsOpenForTheStatedTimeOnlyAndOnlyForThatPerson() throws {
        let access = try SupportAccess.open(
            for: Self.support, reason: "Sak 4711: feil i fremdriftsrapport", minutes: 30, id: UUID(), at: Self.now)
        #expect(access.isValid(for: Self.support.personKey, at: Self.now.addingTimeInterval(29 * 60)))
        #expect(!access.isValid(for: Self.support.personKey, at: Self.now.addingTimeInterval(30 * 60)))
        #expect(!access.isValid(for: Principal.lis.personKey, at: Self.now))
    }

    @Test(arguments: [
        ("", 30, "reason"), ("kort", 30, "reason"), (String(repeating: "x", count: 501), 30, "reason"),
        ("Sak 4711: feil i rapport", 0, "minutes"), ("Sak 4711: feil i rapport", 241, "minutes"),
    ])
    func aMissingReasonOrTooLongAccessIsRefused(_ reason: String, _ minutes: Int, _ field: String) {
        #expect {
            try SupportAccess.open(for: Self.support, reason: reason, minutes: minutes, id: UUID(), at: Self.now)
        } throws: { error in
            (error as? ValidationError)?.field == field
        }
    }

    @Test func onlySupportStaffOpenAccess() {
        #expect(throws: ValidationError.self) {
            try SupportAccess.open(for: .lis, reason: "Sak 4711: feil i rapport", minutes: 30, id: UUID(), at: Self.now)
        }
    }
}
