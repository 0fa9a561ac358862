import Domain
import Foundation

extension Engine {
    /// The public list: every tenant with whether its agreement is in force and since when. Anyone may
    /// read it; it carries no personal data.
    package func publicAgreementStatus() throws -> [(tenant: Tenant, inForceSince: Date?)] {
        try registry.agreementStatus(at: now())
    }
}
