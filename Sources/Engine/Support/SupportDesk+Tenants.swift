import Domain
import Foundation
import Storage

/// The tenants and their lifecycle, for the vendor: each change is one registry transaction with its event
/// and audit entry, recorded with the caller as actor.
extension SupportDesk {
    /// Tenants, filtered by status, kind and kommunenummer (validated against the kommune catalogue).
    package func tenants(status: TenantStatus?, kind: TenantKind?, kommunenummer: String?, by caller: PlatformCaller)
        throws -> [Tenant]
    {
        let kommune = try kommunenummer.map { try engine.registry.kommuner.validate($0).number }
        return try engine.registry.tenants(status: status, kind: kind, kommunenummer: kommune)
    }

    package func tenant(_ raw: String, by caller: PlatformCaller) throws -> Tenant {
        try engine.registry.requireTenant(try TenantID(raw))
    }

    /// The tenant's lifecycle events, oldest first.
    package func events(of raw: String, by caller: PlatformCaller) throws -> [TenantEvent] {
        try engine.registry.events(of: try TenantID(raw))
    }

    /// Registers a private virksomhet as a tenant (not yet provisioned, no agreement).
    package func createVirksomhet(id rawID: String, organisationNumber: String, name: String, by caller: PlatformCaller)
        async throws -> Tenant
    {
        let id = try TenantID(rawID, field: "id")
        let number = try OrganisationNumber(organisationNumber)
        let tenant = try await engine.registry.createVirksomhet(
            id: id, organisationNumber: number, name: name, actor: caller.actor, at: engine.now())
        engine.logger.info("tenant created", metadata: ["tenant": "\(id)"])
        return tenant
    }

    /// Copies the migrated template to the tenant's file; the tenant opens only by a countersigned agreement.
    package func provision(_ raw: String, by caller: PlatformCaller) async throws -> Tenant {
        let id = try TenantID(raw)
        let tenant = try await engine.provisioner.provision(id, actor: caller.actor, at: engine.now())
        engine.logger.info("tenant provisioned", metadata: ["tenant": "\(id)"])
        return tenant
    }

    /// Suspends or resumes a tenant, as the domain allows from its status. A door that asks for a reason
    /// (the console) passes it, and then it must say something; it is kept with the event and in the audit
    /// chain. The API and `kp` predate the reason and pass none.
    package func apply(_ transition: TenantTransition, to raw: String, reason rawReason: String? = nil, by caller: PlatformCaller)
        async throws -> Tenant
    {
        let id = try TenantID(raw)
        let reason = try rawReason.map { try Self.validReason($0) }
        let tenant = try await engine.registry.apply(
            transition, to: id, reason: reason, actor: caller.actor, at: engine.now())
        engine.logger.info(
            "tenant \(transition.rawValue)", metadata: ["tenant": "\(id)", "status": "\(tenant.status)"])
        return tenant
    }

    /// A reason given for a change of a tenant: trimmed, not empty, at most 1000 characters.
    static func validReason(_ raw: String) throws(ValidationError) -> String {
        let reason = raw.trimmingWhitespace()
        guard !reason.isEmpty else { throw ValidationError(field: "reason", reason: .missing) }
        guard reason.count <= 1000 else { throw ValidationError(field: "reason", reason: .tooLong(max: 1000)) }
        return reason
    }

    /// Recomputes the registry's hash-chained audit log.
    package func verifyAudit(by caller: PlatformCaller) throws -> AuditLog.Verification {
        try engine.registry.verifyAudit()
    }

    /// The audit log, optionally of one tenant.
    package func auditEntries(tenant: TenantID?, by caller: PlatformCaller) throws -> [AuditLog.Entry] {
        try engine.registry.auditEntries(tenant: tenant)
    }
}
