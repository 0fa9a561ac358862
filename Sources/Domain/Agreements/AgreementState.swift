/// Where one signed agreement is in its life.
package enum AgreementState: String, Sendable, Codable, CaseIterable {
    /// Signed by the controller (electronically or on paper), not yet by the platform.
    case awaitingCountersignature
    /// Countersigned and sealed: the tenant may work under it.
    case inForce
    /// Replaced by a newer version the tenant signed; kept as a record.
    case superseded
    /// Ended by termination; kept as a record.
    case terminated
}

/// How the controller signed.
package enum AgreementChannel: String, Sendable, Codable {
    /// Logged in with HelseID at security level 4.
    case electronic
    /// On paper: support uploaded the scanned, signed PDF.
    case paper
}
