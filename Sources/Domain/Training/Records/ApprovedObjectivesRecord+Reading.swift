/// Reading a sealed record of approved objectives at the next employer.
extension ApprovedObjectivesRecord {
    /// The record in `content`, once the API has verified the seal; nil when the content is not a record of
    /// this kind and format version or any value in it is not valid. The receiving tenant then records
    /// `importedApprovals` (`TenantDatabase.importApprovals`).
    package init?(content: JSONValue) {
        guard content["kind"]?.stringValue == Self.kind, case .int(Self.formatVersion)? = content["formatVersion"],
            let lis = content["lis"]?.stringValue.flatMap({ try? PersonKey(hex: $0) }),
            let tenant = content["issuingTenant"]?.stringValue.flatMap({ try? TenantID($0) }),
            let organisation = content["issuingOrganisationNumber"]?.stringValue.flatMap({ try? OrganisationNumber($0) }),
            let issuedAt = content["issuedAt"]?.stringValue.flatMap(JSONValue.instant),
            case .array(let approvals)? = content["approvals"]
        else { return nil }
        var entries: [Entry] = []
        for approval in approvals {
            guard let key = approval["planKey"]?.stringValue.flatMap({ try? PlanKey($0) }),
                case .int(let version)? = approval["planVersion"], version > 0,
                let objective = approval["objectiveId"]?.stringValue.flatMap({ try? ObjectiveID($0) }),
                let approvedAt = approval["approvedAt"]?.stringValue.flatMap(JSONValue.instant),
                case .array(let names)? = approval["approvers"],
                let from = approval["tenant"]?.stringValue.flatMap({ try? TenantID($0) }),
                let number = approval["organisationNumber"]?.stringValue.flatMap({ try? OrganisationNumber($0) })
            else { return nil }
            let approvers = names.compactMap(\.stringValue)
            guard approvers.count == names.count else { return nil }
            entries.append(
                Entry(
                    plan: PlanReference(key: key, version: version), objectiveID: objective, approvedAt: approvedAt,
                    approverNames: approvers, tenant: from, organisationNumber: number))
        }
        self.init(
            traineeKey: lis, issuingTenant: tenant, issuingOrganisation: organisation, issuedAt: issuedAt,
            entries: entries)
    }
}
