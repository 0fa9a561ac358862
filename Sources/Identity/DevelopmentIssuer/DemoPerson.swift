import Domain

/// The named test persons of the demo: one table for `kp dev token --as`, the development issuer's
/// authorize endpoint and the README walkthrough, so that two roles never share an identity by accident.
///
/// Every `pid` is a synthetic fødselsnummer as HelseID's test environment issues them (month + 80, both
/// check digits valid under the classic rule), so none can be a real person's number, and each one is
/// different: a person key is derived from the pid, and two demo roles with one pid would be one person
/// with both roles' access. The support person's `sub` is the one `Config/demo.json` lists in
/// `auth.supportSubjects`.
package struct DemoPerson: Sendable, Equatable, Identifiable {
    /// What `--as` takes (`lis`, `leder`, …): lower-case, stable, English.
    package let id: String
    package let name: String
    package let subject: String
    package let pid: String
    /// Health personnel have one; the kommune's signer and support staff do not.
    package let hprNumber: String?
    /// The role the person plays in the walkthrough; a hint only, since roles come from invitations.
    package let role: Role

    package init(id: String, name: String, subject: String, pid: String, hprNumber: String?, role: Role) {
        self.id = id
        self.name = name
        self.subject = subject
        self.pid = pid
        self.hprNumber = hprNumber
        self.role = role
    }

    package static let lis = DemoPerson(
        id: "lis", name: "Lise Lege", subject: "dev-lis-1", pid: "14839240180", hprNumber: "9144001", role: .lis)
    package static let leder = DemoPerson(
        id: "leder", name: "Lars Leder", subject: "dev-leder", pid: "21867830100", hprNumber: "9144002", role: .leder)
    package static let veileder = DemoPerson(
        id: "veileder", name: "Vera Veileder", subject: "dev-veileder", pid: "05917020002", hprNumber: "9144003",
        role: .veileder)
    package static let firstSupervisor = DemoPerson(
        id: "supervisor-1", name: "Sindre Supervisør", subject: "dev-supervisor-1", pid: "09828545016",
        hprNumber: "9144004", role: .supervisor)
    package static let secondSupervisor = DemoPerson(
        id: "supervisor-2", name: "Sofie Supervisør", subject: "dev-supervisor-2", pid: "27888846048",
        hprNumber: "9144005", role: .supervisor)
    package static let signer = DemoPerson(
        id: "signer", name: "Rita Rådmann", subject: "dev-signer", pid: "12846810054", hprNumber: nil,
        role: .tenantAdministrator)
    package static let support = DemoPerson(
        id: "support", name: "Siri Støtte", subject: "dev-support", pid: "03909041081", hprNumber: nil, role: .support)

    /// In the order a walkthrough meets them.
    package static let all: [DemoPerson] = [lis, leder, veileder, firstSupervisor, secondSupervisor, signer, support]

    /// The person `--as` names, by `id`.
    package static func named(_ id: String) -> DemoPerson? { all.first { $0.id == id } }

    /// A token for this person at security level 4; the caller changes what a demo needs changed.
    package var tokenRequest: DevelopmentTokenRequest {
        DevelopmentTokenRequest(subject: subject, pid: pid, name: name, hprNumber: hprNumber)
    }
}
