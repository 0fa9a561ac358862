import struct Foundation.Date
import struct Foundation.UUID

/// Registering oneself as a LIS: the decision, given who is asking and whether they are already there.
extension Trainee {
    package static func register(
        principal: Principal, programme: Programme, email rawEmail: String?, existing: Trainee?, id: UUID,
        at now: Date
    ) throws(TraineeError) -> Trainee {
        if let existing { throw .alreadyRegistered(existing.id) }
        var email: String?
        if let rawEmail {
            do throws(ValidationError) { email = try Self.validEmail(rawEmail) } catch { throw .invalid(error) }
        }
        return Trainee(
            id: id, personKey: principal.personKey, name: principal.name, hprNumber: principal.hprNumber,
            programme: programme, email: email, registeredAt: now)
    }

    /// A deliberately plain check (one `@`, a dot in the domain, no spaces): the real test is the
    /// invitation e-mail arriving.
    package static func validEmail(_ raw: String, field: String = "email") throws(ValidationError) -> String {
        let email = raw.trimmingWhitespace()
        guard !email.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard email.utf8.count <= 254 else { throw ValidationError(field: field, reason: .tooLong(max: 254)) }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !email.contains(where: { $0.isWhitespace })
        else { throw ValidationError(field: field, reason: .notAllowed("not an e-mail address")) }
        return email
    }
}
