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
        guard parts.count == 2, Self.isLocalPart(parts[0]), Self.isDomain(parts[1]) else {
            throw ValidationError(field: field, reason: .notAllowed("not an e-mail address"))
        }
        return email
    }

    /// RFC 5322 `dot-atom`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``, dots only between them. No
    /// quoting, angle brackets, comments or display names: an address is only the address.
    private static func isLocalPart(_ part: Substring) -> Bool {
        let allowed = Set("!#$%&'*+-/=?^_`{|}~".utf8)
        return !part.isEmpty && part.utf8.count <= 64 && !part.hasPrefix(".") && !part.hasSuffix(".")
            && !part.contains("..")
            && part.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: ".") || allowed.contains(byte)
            }
    }

    /// Labels of letters (æøå too), digits and inner hyphens, at least two of them.
    private static func isDomain(_ part: Substring) -> Bool {
        let labels = part.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            }
    }
}
