import struct Foundation.Date

/// An approval made at another employer and carried here in a sealed record (source: objectives approved in
/// the hospital part must follow the LIS to the kommune part).
///
/// It names where it came from so that everyone reading the progress report can see this tenant did not
/// approve it.
package struct ImportedApproval: Sendable, Equatable, Hashable {
    package let sourceTenant: TenantID
    package let organisationNumber: OrganisationNumber
    /// As written in the sealed record: names, not person keys, because keys of another tenant mean nothing here.
    package let approverNames: [String]
    package let approvedAt: Date
    package let plan: PlanReference
    package let objectiveID: ObjectiveID

    package init(
        sourceTenant: TenantID, organisationNumber: OrganisationNumber, approverNames: [String], approvedAt: Date,
        plan: PlanReference, objectiveID: ObjectiveID
    ) {
        self.sourceTenant = sourceTenant
        self.organisationNumber = organisationNumber
        self.approverNames = approverNames
        self.approvedAt = approvedAt
        self.plan = plan
        self.objectiveID = objectiveID
    }
}
