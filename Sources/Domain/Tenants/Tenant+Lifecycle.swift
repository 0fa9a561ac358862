import struct Foundation.Date

/// The tenant lifecycle as a pure state machine: storage reads a tenant, asks here, and writes the answer.
extension Tenant {
    /// Registers a private virksomhet; kommuner come from the seed list instead.
    package static func newVirksomhet(
        id: TenantID, organisationNumber: OrganisationNumber, name rawName: String, at now: Date
    ) throws(ValidationError) -> Tenant {
        let name = try Self.validName(rawName)
        return Tenant(
            id: id, kind: .virksomhet, organisationNumber: organisationNumber, kommunenummer: nil, name: name,
            status: .registered, provisionedAt: nil, createdAt: now, updatedAt: now)
    }

    package static func validName(_ raw: String, field: String = "name") throws(ValidationError) -> String {
        let name = raw.trimmingWhitespace()
        guard !name.isEmpty else { throw ValidationError(field: field, reason: .missing) }
        guard name.count <= 200 else { throw ValidationError(field: field, reason: .tooLong(max: 200)) }
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(field: field, reason: .notAllowed("control characters are not allowed"))
        }
        return name
    }

    /// Marks the tenant's database as created; provisioning twice is refused so a file is never replaced.
    package func provisioned(at now: Date) throws(TenantError) -> Tenant {
        guard !isProvisioned else { throw .alreadyProvisioned(id) }
        guard status != .terminated else { throw .transitionNotAllowed(id, from: status, transition: "provision") }
        var copy = self
        copy.provisionedAt = now
        copy.updatedAt = now
        return copy
    }

    /// Applies a lifecycle transition, or says why it is not allowed from the current status.
    package func applying(_ transition: TenantTransition, at now: Date) throws(TenantError) -> Tenant {
        let allowed: Bool
        switch (transition, status) {
        case (.suspend, .active): allowed = true
        case (.resume, .suspended): allowed = true
        default: allowed = false
        }
        guard allowed else { throw .transitionNotAllowed(id, from: status, transition: transition.rawValue) }
        var copy = self
        copy.status = transition.target
        copy.updatedAt = now
        return copy
    }

    /// Why the gate refuses this tenant at `now`, or nil when it may be used.
    ///
    /// A terminated agreement keeps the tenant open until its notice date, then closes it.
    package func gateRefusal(at now: Date) -> TenantError? {
        switch status {
        case .active: isProvisioned ? nil : .notProvisioned(id)
        case .suspended: .suspended(id)
        case .terminated:
            if let closesAt, now < closesAt, isProvisioned { nil } else { .terminated(id, closedAt: closesAt) }
        case .registered, .agreementPending: .agreementRequired(id, status: status)
        }
    }

    /// Closed by a termination whose notice date has come, with the data not yet deleted: the time in which a
    /// LIS may still take their own sealed records (approved objectives, completion confirmation) and nothing
    /// else, since their specialist approval rests on them.
    package func isClosedWithRecordsToTake(at now: Date) -> Bool {
        guard status == .terminated, let closesAt, isProvisioned else { return false }
        return now >= closesAt
    }
}
