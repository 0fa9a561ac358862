import Domain
import Foundation
import GRDB

/// Private virksomheter registering themselves; support approves (a tenant is created and the applicant
/// becomes its administrator) or rejects with a reason. The applicant hears of either by e-mail.
extension Registry {
    package func submitRegistration(_ registration: Registration, at now: Date) async throws {
        try await pool.write { db in
            let number = registration.organisationNumber.rawValue
            if try TenantRecord.filter(Column("organisationNumber") == number).fetchCount(db) > 0 {
                throw RegistrationError.organisationNumberTaken
            }
            if try RegistrationRecord.filter(Column("organisationNumber") == number && Column("state") == "pending")
                .fetchCount(db) > 0
            {
                throw RegistrationError.pendingExists
            }
            try RegistrationRecord(registration).insert(db)
            try AuditLog.append(
                db, actor: "person:\(registration.registeredBy.hex.prefix(12))", action: "registration.submitted",
                tenant: nil,
                detail: "registration \(registration.id.lowercasedText) for \(registration.name) (\(number))",
                at: now)
        }
    }

    package func registrations(state: Registration.State? = nil, by person: PersonKey? = nil) throws -> [Registration] {
        try pool.read { db in
            var request = RegistrationRecord.all()
            if let state { request = request.filter(Column("state") == state.rawValue) }
            if let person { request = request.filter(Column("registeredBy") == person.hex) }
            return try request.order(Column("createdAt")).fetchAll(db).map { try $0.registration() }
        }
    }

    /// Approves: creates the virksomhet (status `registered`), makes the applicant its administrator.
    package func approveRegistration(
        _ id: UUID, actor: String, at now: Date, mail: @escaping @Sendable (Registration) -> OutgoingMail
    ) async throws -> (Registration, Tenant) {
        let result = try await pool.write { db in
            let registration = try Self.registration(db, id)
            let tenantID = try registration.proposedTenantID
            let approved = try registration.approved(tenant: tenantID, by: actor, at: now)
            if try TenantRecord.exists(db, key: tenantID.rawValue)
                || TenantRecord.filter(Column("organisationNumber") == registration.organisationNumber.rawValue).fetchCount(db) > 0
            {
                throw RegistrationError.organisationNumberTaken
            }
            let tenant = try Tenant.newVirksomhet(
                id: tenantID, organisationNumber: registration.organisationNumber, name: registration.name, at: now)
            try TenantRecord(tenant).insert(db)
            try Self.appendEvent(db, tenant: tenantID, action: "create", from: nil, to: tenant.status, actor: actor, at: now)
            try RegistrationRecord(approved).update(db)
            try db.execute(
                sql: "INSERT INTO person (personKey, name, email, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?) "
                    + "ON CONFLICT (personKey) DO UPDATE SET email = COALESCE(email, excluded.email)",
                arguments: [registration.registeredBy.hex, registration.registeredByName, registration.contactEmail, now, now])
            try db.execute(
                sql: "INSERT INTO membership (personKey, tenantId, role, since) VALUES (?, ?, 'tenantAdministrator', ?) ON CONFLICT DO NOTHING",
                arguments: [registration.registeredBy.hex, tenantID.rawValue, now])
            try OutboxRecord(mail(approved), at: now).insert(db)
            try AuditLog.append(
                db, actor: actor, action: "registration.approved", tenant: tenantID,
                detail: "registration \(id.lowercasedText) approved; \(registration.registeredByName) is tenant administrator",
                at: now)
            return (approved, tenant)
        }
        invalidate(result.1.id)
        return result
    }

    package func rejectRegistration(
        _ id: UUID, reason: String, actor: String, at now: Date, mail: @escaping @Sendable (Registration) -> OutgoingMail
    ) async throws -> Registration {
        try await pool.write { db in
            let rejected = try Self.registration(db, id).rejected(reason: reason, by: actor, at: now)
            try RegistrationRecord(rejected).update(db)
            try OutboxRecord(mail(rejected), at: now).insert(db)
            try AuditLog.append(
                db, actor: actor, action: "registration.rejected", tenant: nil,
                detail: "registration \(id.lowercasedText) rejected", at: now)
            return rejected
        }
    }

    private static func registration(_ db: Database, _ id: UUID) throws -> Registration {
        guard let record = try RegistrationRecord.fetchOne(db, key: id.lowercasedText) else {
            throw RegistrationError.unknown
        }
        return try record.registration()
    }
}

/// A row of `registration`.
struct RegistrationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "registration"

    var id: String
    var organisationNumber: String
    var name: String
    var contactEmail: String
    var programmes: String
    var registeredBy: String
    var registeredByName: String
    var createdAt: Date
    var state: String
    var decidedBy: String?
    var decidedAt: Date?
    var reason: String?
    var tenantId: String?

    init(_ registration: Registration) {
        id = registration.id.lowercasedText
        organisationNumber = registration.organisationNumber.rawValue
        name = registration.name
        contactEmail = registration.contactEmail
        programmes = registration.programmes.map(\.rawValue).joined(separator: ",")
        registeredBy = registration.registeredBy.hex
        registeredByName = registration.registeredByName
        createdAt = registration.createdAt
        state = registration.state.rawValue
        decidedBy = registration.decidedBy
        decidedAt = registration.decidedAt
        reason = registration.reason
        tenantId = registration.tenantID?.rawValue
    }

    func registration() throws -> Registration {
        guard let uuid = UUID(hyphenated: id), let state = Registration.State(rawValue: state) else {
            throw StorageError.corruptRow(table: Self.databaseTableName, column: "id/state")
        }
        return Registration(
            id: uuid, organisationNumber: try OrganisationNumber(organisationNumber), name: name,
            contactEmail: contactEmail, programmes: programmes.split(separator: ",").compactMap { Programme(rawValue: String($0)) },
            registeredBy: try PersonKey(hex: registeredBy), registeredByName: registeredByName, createdAt: createdAt,
            state: state, decidedBy: decidedBy, decidedAt: decidedAt, reason: reason,
            tenantID: try tenantId.map { try TenantID($0) })
    }
}
