/// Who signs a learning activity: a supervisor (LIS1, most activities) or the veileder (ALIS).
package enum ActivitySigner: String, Sendable, Codable, CaseIterable {
    case supervisor
    case veileder

    /// The per-LIS role the signer must hold.
    package var role: Role {
        switch self {
        case .supervisor: .supervisor
        case .veileder: .veileder
        }
    }
}
