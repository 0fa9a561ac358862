import struct Foundation.Date
import struct Foundation.UUID

/// The agreement state machine: awaitingCountersignature → inForce → superseded | terminated.
extension Agreement {
    /// Decides an electronic signature by the tenant's authorised person.
    ///
    /// `presentedHash` is the document hash the signer's client confirms: they sign exactly the text they
    /// were shown, or nothing.
    package static func sign(
        template: AgreementTemplate, current: AgreementTemplate, fields: [String: String], documentHash: String,
        presentedHash: String, signer: Principal, isAdministrator: Bool, tenant: Tenant, existing: [Agreement],
        id: UUID, at now: Date
    ) throws(AgreementError) -> Agreement {
        guard isAdministrator else { throw .notAdministrator(tenant.id) }
        guard signer.securityLevel >= .level4 else { throw .securityLevelTooLow(signer.securityLevel) }
        try checkSignable(template: template, current: current, tenant: tenant, existing: existing, at: now)
        guard presentedHash == documentHash else { throw .documentMismatch }
        return Agreement(
            id: id, tenantID: tenant.id, templateVersion: template.version, templateHash: template.textHash,
            fields: fields, documentHash: documentHash, channel: .electronic,
            signature: AgreementSignature(
                personKey: signer.personKey, name: signer.name, hprNumber: signer.hprNumber,
                securityLevel: signer.securityLevel, at: now),
            scan: nil, countersignature: nil, state: .awaitingCountersignature, endedAt: nil)
    }

    /// Decides a paper signature that support registers from a scan.
    package static func fromPaper(
        template: AgreementTemplate, current: AgreementTemplate, fields: [String: String], documentHash: String,
        signerName rawName: String, scan: PaperScan, tenant: Tenant, existing: [Agreement], id: UUID, at now: Date
    ) throws -> Agreement {
        let name = try Tenant.validName(rawName, field: "signerName")
        try checkSignable(template: template, current: current, tenant: tenant, existing: existing, at: now)
        return Agreement(
            id: id, tenantID: tenant.id, templateVersion: template.version, templateHash: template.textHash,
            fields: fields, documentHash: documentHash, channel: .paper,
            signature: AgreementSignature(personKey: nil, name: name, hprNumber: nil, securityLevel: nil, at: now),
            scan: scan, countersignature: nil, state: .awaitingCountersignature, endedAt: nil)
    }

    private static func checkSignable(
        template: AgreementTemplate, current: AgreementTemplate, tenant: Tenant, existing: [Agreement], at now: Date
    ) throws(AgreementError) {
        guard template.version == current.version else {
            throw .supersededVersion(requested: template.version, current: current.version)
        }
        if tenant.status == .terminated, let closesAt = tenant.closesAt, now < closesAt {
            throw .stillInNoticePeriod(closesOn: closesAt.isoDay)
        }
        if existing.contains(where: { $0.state == .awaitingCountersignature }) { throw .awaitingCountersignature }
        if tenant.status != .terminated,
            existing.contains(where: { $0.state == .inForce && $0.templateVersion == template.version })
        {
            throw .alreadySigned(version: template.version)
        }
    }

    /// Support countersigns: the agreement comes into force (and replaces the one in force before, if any).
    /// `signature` names the support person (logged in, or at the console with `kp`).
    package func countersigned(by signature: AgreementSignature) throws(AgreementError) -> Agreement {
        switch state {
        case .awaitingCountersignature: break
        case .inForce: throw .alreadyCountersigned
        case .superseded, .terminated: throw .notAwaitingCountersignature
        }
        var copy = self
        copy.countersignature = signature
        copy.state = .inForce
        return copy
    }

    package func superseded() -> Agreement {
        var copy = self
        copy.state = .superseded
        return copy
    }

    package func terminated(closingAt date: Date) -> Agreement {
        var copy = self
        copy.state = .terminated
        copy.endedAt = date
        return copy
    }
}

extension Date {
    /// `yyyy-MM-dd` in UTC, without Foundation's formatters (Domain stays free of locale state).
    package var isoDay: String { CalendarDate(self).iso }
}
