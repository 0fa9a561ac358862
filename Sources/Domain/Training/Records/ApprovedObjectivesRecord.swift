import struct Foundation.Date

/// The approved objectives of one LIS, sealed by the employer they leave so the next employer can take the
/// approvals over (source: objectives approved in the hospital part must be registered before the kommune
/// part starts).
///
/// Names rather than person keys identify approvers, because the receiving tenant cannot resolve keys of
/// people it has never seen. The record holds no national identity number: the LIS is the keyed hash.
package struct ApprovedObjectivesRecord: Sendable, Equatable {
    package static let kind = "kompetanseportal.approved-objectives"
    package static let formatVersion = 1

    package struct Entry: Sendable, Equatable {
        package let plan: PlanReference
        package let objectiveID: ObjectiveID
        package let approvedAt: Date
        /// Leder first, then the consulted veileder and supervisors; for an approval that was itself
        /// imported, the names as its record gave them.
        package let approverNames: [String]
        /// Where the approval was made (not necessarily the issuer, for approvals carried along before).
        package let tenant: TenantID
        package let organisationNumber: OrganisationNumber
    }

    package let traineeKey: PersonKey
    package let issuingTenant: TenantID
    package let issuingOrganisation: OrganisationNumber
    package let issuedAt: Date
    /// Sorted by plan, then objective, so the encoding does not depend on the order records were read in.
    package let entries: [Entry]

    /// Collects every approved objective of `traineeID` from `progress`. `names` resolves the person keys of
    /// local approvals; an unresolved key appears as its short prefix.
    package static func make(
        for trainee: Trainee, progress: [ObjectiveProgress], names: [PersonKey: String], tenant: TenantID,
        organisationNumber: OrganisationNumber, issuedAt: Date
    ) -> ApprovedObjectivesRecord {
        let entries = progress.compactMap { record -> Entry? in
            guard record.traineeID == trainee.id, let approval = record.approval else { return nil }
            switch approval {
            case .local(let leder, let veileder, let supervisors, let at):
                return Entry(
                    plan: record.plan, objectiveID: record.objectiveID, approvedAt: at,
                    approverNames: ([leder, veileder] + supervisors).map { names[$0] ?? $0.description }, tenant: tenant,
                    organisationNumber: organisationNumber)
            case .imported(let imported):
                return Entry(
                    plan: imported.plan, objectiveID: imported.objectiveID, approvedAt: imported.approvedAt,
                    approverNames: imported.approverNames, tenant: imported.sourceTenant,
                    organisationNumber: imported.organisationNumber)
            }
        }
        return ApprovedObjectivesRecord(
            traineeKey: trainee.personKey, issuingTenant: tenant, issuingOrganisation: organisationNumber,
            issuedAt: issuedAt,
            entries: entries.sorted { ($0.plan, $0.objectiveID) < ($1.plan, $1.objectiveID) })
    }

    /// The content the platform seals (`SealedDocument`, kind `Self.kind`); its canonical text is what is signed.
    package var content: JSONValue {
        .object([
            "kind": .string(Self.kind),
            "formatVersion": .int(Self.formatVersion),
            "lis": .string(traineeKey.hex),
            "issuingTenant": .string(issuingTenant.rawValue),
            "issuingOrganisationNumber": .string(issuingOrganisation.rawValue),
            "issuedAt": .timestamp(issuedAt),
            "approvals": .array(
                entries.map { entry in
                    .object([
                        "planKey": .string(entry.plan.key.rawValue),
                        "planVersion": .int(entry.plan.version),
                        "objectiveId": .string(entry.objectiveID.rawValue),
                        "approvedAt": .timestamp(entry.approvedAt),
                        "approvers": .array(entry.approverNames.map(JSONValue.string)),
                        "tenant": .string(entry.tenant.rawValue),
                        "organisationNumber": .string(entry.organisationNumber.rawValue),
                    ])
                }),
        ])
    }

    package var canonicalBytes: [UInt8] { Array(content.canonical.utf8) }

    /// What the receiving tenant records, once the seal has been verified outside Domain.
    package var importedApprovals: [ImportedApproval] {
        entries.map { entry in
            ImportedApproval(
                sourceTenant: entry.tenant, organisationNumber: entry.organisationNumber,
                approverNames: entry.approverNames, approvedAt: entry.approvedAt, plan: entry.plan,
                objectiveID: entry.objectiveID)
        }
    }
}
