import struct Foundation.Date
import struct Foundation.UUID

/// A doctor in specialist training (LIS) registered in one tenant.
package struct Trainee: Sendable, Equatable {
    package let id: UUID
    package let personKey: PersonKey
    package let name: String
    package let hprNumber: String?
    package let programme: Programme
    package let email: String?
    package let registeredAt: Date

    package init(
        id: UUID, personKey: PersonKey, name: String, hprNumber: String?, programme: Programme, email: String?,
        registeredAt: Date
    ) {
        self.id = id
        self.personKey = personKey
        self.name = name
        self.hprNumber = hprNumber
        self.programme = programme
        self.email = email
        self.registeredAt = registeredAt
    }
}
