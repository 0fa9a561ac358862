import struct Foundation.Date

/// How the agreement workflow moves a tenant: the only way to `active` is an agreement in force.
extension Tenant {
    /// The controller signed (or a paper signature was registered): a tenant without an agreement in
    /// force now awaits countersignature; one working under an older version keeps working.
    package func agreementSigned(at now: Date) -> Tenant {
        var copy = self
        switch status {
        case .registered, .terminated:
            copy.status = .agreementPending
            copy.closesAt = nil
        case .agreementPending, .active, .suspended: break
        }
        copy.updatedAt = now
        return copy
    }

    /// Support countersigned: the gate opens (a suspended tenant stays suspended).
    package func agreementInForce(at now: Date) throws(TenantError) -> Tenant {
        guard isProvisioned else { throw .notProvisioned(id) }
        var copy = self
        if status == .agreementPending || status == .registered { copy.status = .active }
        copy.updatedAt = now
        return copy
    }

    /// Either party terminated: the tenant closes to users at `closesAt` (the notice date).
    package func terminating(closesAt: Date, at now: Date) throws(AgreementError) -> Tenant {
        switch status {
        case .terminated: throw .alreadyTerminated
        case .registered, .agreementPending: throw .noAgreementInForce
        case .active, .suspended: break
        }
        var copy = self
        copy.status = .terminated
        copy.closesAt = closesAt
        copy.updatedAt = now
        return copy
    }

    /// Data may be returned or deleted only once the tenant is closed.
    package func checkClosed(at now: Date) throws(AgreementError) {
        guard status == .terminated, let closesAt else { throw .notTerminated }
        guard now >= closesAt else { throw .stillInNoticePeriod(closesOn: closesAt.isoDay) }
        guard isProvisioned else { throw .dataAlreadyDeleted }
    }

    /// The tenant's file is gone; a new agreement will provision a fresh one.
    package func dataDeleted(at now: Date) -> Tenant {
        var copy = self
        copy.provisionedAt = nil
        copy.updatedAt = now
        return copy
    }
}
