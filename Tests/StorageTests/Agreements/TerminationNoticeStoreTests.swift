import Domain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite struct TerminationNoticeStoreTests {
    /// A LIS who registered without an address is still told, at the address the platform knows for them;
    /// one with no known address is skipped, and the others are told all the same.
    @Test func aLISWithoutARegisteredAddressIsToldAtTheAddressThePlatformKnows() async throws {
        let store = try await TrainingStore(roles: false)
        let known = Person.lis.personKey
        let count = try await store.database.queueTerminationNotices(
            at: TrainingStore.now, knownEmail: { $0 == known ? "lise@kjent.example" : nil }
        ) { recipient in
            OutgoingMail(id: UUID(), recipient: recipient.email, subject: "s", body: recipient.traineeName)
        }
        #expect(count == 1)
        #expect(try store.database.dueMail(at: TrainingStore.now).map(\.recipient) == ["lise@kjent.example"])
        let none = try await store.database.queueTerminationNotices(at: TrainingStore.now, knownEmail: { _ in nil }) {
            OutgoingMail(id: UUID(), recipient: $0.email, subject: "s", body: "")
        }
        #expect(none == 0)
    }
}
