import struct Foundation.Date

/// How an objective came to be approved: here, by the leder after consulting the veileder and supervisors,
/// or elsewhere and imported.
package enum ObjectiveApproval: Sendable, Equatable, Hashable {
    case local(leder: PersonKey, consultedVeileder: PersonKey, consultedSupervisors: [PersonKey], at: Date)
    case imported(ImportedApproval)

    package var approvedAt: Date {
        switch self {
        case .local(_, _, _, let at): at
        case .imported(let imported): imported.approvedAt
        }
    }

    package var isImported: Bool {
        if case .imported = self { true } else { false }
    }
}
