import Domain
import Foundation
import Testing

@testable import Storage

@Suite struct RoleAssignmentOrderTests {
    /// Stored times have milliseconds; grants in the same millisecond (a fast write path makes that common) are
    /// listed in the order they were made, not in whatever order SQLite's index gives the tie.
    @Test func rolesGrantedInTheSameMillisecondAreListedInTheOrderTheyWereGranted() async throws {
        let store = try await TrainingStore(roles: false)
        // Against the order of the person keys (0x44, 0x22, 0x11), which an index on them would give.
        try await store.grant(.supervisor, to: Person.secondSupervisor)
        try await store.grant(.veileder, to: Person.veileder)
        try await store.grant(.leder, to: Person.leder)
        let roles = try await store.database.roleAssignments(traineeID: store.trainee.id)
        #expect(roles.map(\.personName) == ["Sigurd Supervisør", "Vera Veileder", "Lena Leder"])
    }
}
