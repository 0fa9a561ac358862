import Domain
import Foundation

/// Named, deterministic values shared by the test targets.
package enum Fixtures {
    package static let now = Date(timeIntervalSince1970: 1_795_000_000)
    /// Valid organisation numbers from the identifier test vectors.
    package static let legesenteretOrgnr = "988077917"
    package static let klinikkenOrgnr = "123456785"
    package static let invalidOrgnr = "988077918"
    /// Test national identity numbers (Skatteetaten's 2032 examples), never a real person's.
    package static let lisPID = "02013299997"
    package static let otherPID = "30108299920"
    /// Valid under the 2032 rule only.
    package static let signerPID = "30108299939"

    package static func organisationNumber(_ raw: String) -> OrganisationNumber {
        guard let number = try? OrganisationNumber(raw) else { preconditionFailure("fixture number \(raw) is invalid") }
        return number
    }

    package static func tenantID(_ raw: String) -> TenantID {
        guard let id = try? TenantID(raw) else { preconditionFailure("fixture tenant id \(raw) is invalid") }
        return id
    }
}
