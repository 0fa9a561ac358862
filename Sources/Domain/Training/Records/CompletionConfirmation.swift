import struct Foundation.Date

/// A confirmation that a LIS has completed a plan at an employer over a period, sealed outside Domain.
///
/// It is issued only when every objective of the plan version is approved, here or elsewhere.
package struct CompletionConfirmation: Sendable, Equatable {
    package static let kind = "kompetanseportal.completion"
    package static let formatVersion = 1

    package let traineeKey: PersonKey
    package let tenant: TenantID
    package let organisationNumber: OrganisationNumber
    package let periodFrom: CalendarDate
    package let periodTo: CalendarDate
    package let plan: PlanReference
    package let objectiveCount: Int
    /// Names of those who confirm, in the order given.
    package let approvers: [String]
    package let issuedAt: Date

    /// Decides whether completion is available and, if it is, the confirmation to seal.
    package static func decide(
        plan: Plan, progress: [ObjectiveProgress], trainee: Trainee, tenant: TenantID,
        organisationNumber: OrganisationNumber, from periodFrom: CalendarDate, to periodTo: CalendarDate,
        approvers rawApprovers: [String], issuedAt: Date
    ) throws(CompletionError) -> CompletionConfirmation {
        // Outstanding objectives first: that is the answer a LIS asking too early needs.
        let outstanding = plan.outstandingObjectives(traineeID: trainee.id, progress: progress)
        guard outstanding.isEmpty else { throw .objectivesOutstanding(count: outstanding.count) }
        guard periodFrom <= periodTo else { throw .badPeriod }
        let approvers = rawApprovers.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !approvers.isEmpty else { throw .approversRequired }
        return CompletionConfirmation(
            traineeKey: trainee.personKey, tenant: tenant, organisationNumber: organisationNumber,
            periodFrom: periodFrom, periodTo: periodTo, plan: plan.reference, objectiveCount: plan.objectives.count,
            approvers: approvers, issuedAt: issuedAt)
    }

    /// The content the platform seals (`SealedDocument`, kind `Self.kind`); its canonical text is what is signed.
    package var content: JSONValue {
        .object([
            "kind": .string(Self.kind),
            "formatVersion": .int(Self.formatVersion),
            "lis": .string(traineeKey.hex),
            "tenant": .string(tenant.rawValue),
            "organisationNumber": .string(organisationNumber.rawValue),
            "periodFrom": .day(periodFrom),
            "periodTo": .day(periodTo),
            "planKey": .string(plan.key.rawValue),
            "planVersion": .int(plan.version),
            "objectiveCount": .int(objectiveCount),
            "approvers": .array(approvers.map(JSONValue.string)),
            "issuedAt": .timestamp(issuedAt),
        ])
    }

    package var canonicalBytes: [UInt8] { Array(content.canonical.utf8) }
}
