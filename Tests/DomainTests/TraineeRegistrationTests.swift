import Foundation
import Testing

@testable import Domain

extension Principal {
    static let lis = Principal(
        issuer: "https://issuer.test", subject: "lis-1",
        personKey: PersonKey(digest: Array(repeating: UInt8(7), count: 32)), hprNumber: "181000001",
        name: "Lise Lege", securityLevel: .level4, isSupport: false)
    static let other = Principal(
        issuer: "https://issuer.test", subject: "lis-2",
        personKey: PersonKey(digest: Array(repeating: UInt8(9), count: 32)), hprNumber: nil, name: "Ola Lege",
        securityLevel: .level3, isSupport: false)
}

@Suite struct TraineeRegistrationTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let id = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!

    @Test func aPersonRegistersWithTheirTokenIdentity() throws {
        let trainee = try Trainee.register(
            principal: .lis, programme: .lis1, email: " lise@example.no ", existing: nil, id: Self.id, at: Self.now)
        #expect(trainee.personKey == Principal.lis.personKey)
        #expect(trainee.name == "Lise Lege")
        #expect(trainee.hprNumber == "181000001")
        #expect(trainee.email == "lise@example.no")
        #expect(trainee.registeredAt == Self.now)
    }

    @Test func registeringTwiceIsRefused() throws {
        let first = try Trainee.register(principal: .lis, programme: .lis1, email: nil, existing: nil, id: Self.id, at: Self.now)
        #expect(throws: TraineeError.alreadyRegistered(Self.id)) {
            try Trainee.register(principal: .lis, programme: .alis, email: nil, existing: first, id: UUID(), at: Self.now)
        }
    }

    @Test(arguments: [
        "", "no-at-sign", "a@b", "a@.no", "two@@example.no", "sp ace@example.no", "<a@example.no>", "a@example.no>",
        "\"Lise\" <lise@example.no>", "lise@example..no", ".lise@example.no", "lise@-example.no", "a\u{0}b@example.no",
    ])
    func anInvalidEmailIsRefusedNamingTheField(_ email: String) {
        #expect {
            try Trainee.register(principal: .lis, programme: .lis1, email: email, existing: nil, id: Self.id, at: Self.now)
        } throws: { error in
            guard case .invalid(let validation) = error as? TraineeError else { return false }
            return validation.field == "email"
        }
    }
}
