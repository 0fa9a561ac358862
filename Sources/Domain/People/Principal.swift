/// The person behind a verified token, as the engine sees them.
///
/// Built only by the token verifier, after the signature, issuer, audience and lifetime checked out.
/// It carries the keyed hash of the national identity number, never the number.
package struct Principal: Sendable, Equatable {
    package let issuer: String
    package let subject: String
    package let personKey: PersonKey
    package let hprNumber: String?
    package let name: String
    package let securityLevel: SecurityLevel
    /// True when the subject is listed as vendor support staff in the configuration.
    package let isSupport: Bool

    package init(
        issuer: String, subject: String, personKey: PersonKey, hprNumber: String?, name: String,
        securityLevel: SecurityLevel, isSupport: Bool
    ) {
        self.issuer = issuer
        self.subject = subject
        self.personKey = personKey
        self.hprNumber = hprNumber
        self.name = name
        self.securityLevel = securityLevel
        self.isSupport = isSupport
    }
}
