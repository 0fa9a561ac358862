import Domain

/// Who acts for the vendor on platform operations (tenants, agreements, registrations, the catalog): a
/// support staff member logged in through HelseID, or an operator at the server's shell (`kp`).
///
/// The only ways to make one are the two initialisers, and the support one refuses anyone who is not listed
/// as support staff: an engine operation that takes a `PlatformCaller` cannot be reached by anyone else,
/// whichever door they come through.
package struct PlatformCaller: Sendable, Equatable {
    /// How the caller is named in the registry's events and audit chain.
    package let actor: String
    /// The support person, when one is logged in; an operator at the shell has none.
    package let principal: Principal?

    /// A logged-in person, admitted only when the configuration lists them as support staff.
    package init(support principal: Principal) throws {
        guard principal.isSupport else { throw AccessError.supportOnly }
        self.actor = "support:\(principal.subject)"
        self.principal = principal
    }

    /// An operator with a shell on the server, named by `kp`'s operator option.
    package init(operator name: String) {
        self.actor = "cli:\(name)"
        self.principal = nil
    }

    /// The support person, for operations that act in a person's name (support access, invitations on a
    /// LIS's behalf); an operator at the shell has no HelseID identity to record, so is refused.
    package func requirePerson() throws(AccessError) -> Principal {
        guard let principal else { throw AccessError.supportOnly }
        return principal
    }
}
