import Foundation
import Testing

@testable import Domain

@Suite struct SealedRecordTests {
    typealias F = TrainingFixture

    static func tenant() throws -> (TenantID, OrganisationNumber) {
        (try TenantID("kommune-0301"), try OrganisationNumber("974760673"))
    }

    static func approvedAll(_ plan: Plan) throws -> [ObjectiveProgress] {
        try plan.objectives.map { objective in
            try ObjectiveProgress.open(objective.id, in: plan, for: F.trainee, id: UUID())
                .submit(by: F.trainee, at: F.now)
                .approve(
                    by: F.leder, consultedVeileder: F.veileder, consultedSupervisors: [F.supervisor], trainee: F.trainee,
                    roles: F.roles, at: F.now)
        }
    }

    @Test("The canonical encoding sorts keys, escapes minimally and writes UTC timestamps")
    func theCanonicalForm() {
        let value = JSONValue.object([
            "b": .array([.int(-3), .bool(true), .null]),
            "a": .string("æ\"\\\n\u{01}"),
            "at": .timestamp(Date(timeIntervalSince1970: 1_800_000_000.9)),
        ])
        #expect(value.canonical == #"{"a":"æ\"\\\n\u0001","at":"2027-01-15T08:00:00Z","b":[-3,true,null]}"#)
        #expect(JSONValue.timestampText(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test("The approved objectives record is deterministic whatever order the progress was read in")
    func theRecordIsDeterministic() throws {
        let plan = try F.plan()
        let progress = try Self.approvedAll(plan)
        let (tenant, organisation) = try Self.tenant()
        let names = [F.leder: "Lena Leder", F.veileder: "Vera Veileder", F.supervisor: "Sara Supervisør"]
        let record = ApprovedObjectivesRecord.make(
            for: F.trainee, progress: progress, names: names, tenant: tenant, organisationNumber: organisation,
            issuedAt: F.now)
        let reversed = ApprovedObjectivesRecord.make(
            for: F.trainee, progress: progress.reversed(), names: names, tenant: tenant, organisationNumber: organisation,
            issuedAt: F.now)
        #expect(record.canonicalBytes == reversed.canonicalBytes)
        #expect(record.entries.count == 3)
        #expect(record.entries.first?.approverNames == ["Lena Leder", "Vera Veileder", "Sara Supervisør"])
        let text = String(decoding: record.canonicalBytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"approvals":[{"approvedAt":"2027-01-15T08:00:00Z","approvers":["Lena Leder""#))
        #expect(text.contains(#""lis":"\#(F.lis.hex)""#))
        #expect(text.contains(#""organisationNumber":"974760673""#))
        #expect(text.contains(#""planKey":"lis1-kommune","planVersion":1"#))
    }

    @Test("A record reads back from its sealed content exactly, and anything else is not a record")
    func recordsReadBackFromTheirContent() throws {
        let plan = try F.plan()
        let (tenant, organisation) = try Self.tenant()
        let record = ApprovedObjectivesRecord.make(
            for: F.trainee, progress: try Self.approvedAll(plan), names: [F.leder: "Lena Leder"], tenant: tenant,
            organisationNumber: organisation, issuedAt: F.now)
        #expect(ApprovedObjectivesRecord(content: record.content) == record)
        #expect(JSONValue.instant(JSONValue.timestampText(F.now)) == F.now)
        #expect(JSONValue.instant("2027-01-15T24:00:00Z") == nil)
        guard case .object(var members) = record.content else { return }
        members["kind"] = .string("kompetanseportal.completion")
        #expect(ApprovedObjectivesRecord(content: .object(members)) == nil)
    }

    @Test("A record's approvals import at the next employer and count as approved there")
    func recordsMoveBetweenEmployers() throws {
        let plan = try F.plan()
        let (tenant, organisation) = try Self.tenant()
        let record = ApprovedObjectivesRecord.make(
            for: F.trainee, progress: try Self.approvedAll(plan), names: [:], tenant: tenant,
            organisationNumber: organisation, issuedAt: F.now)
        let next = try plan.objectives.map { objective in
            try ObjectiveProgress.open(objective.id, in: plan, for: F.trainee, id: UUID())
        }
        let imported = try zip(next, record.importedApprovals).map { progress, approval in
            try progress.importApproval(approval, at: F.now)
        }
        #expect(imported.allSatisfy { $0.approval?.isImported == true })
        #expect(plan.outstandingObjectives(traineeID: F.trainee.id, progress: imported).isEmpty)
        // Carried again, an imported approval keeps its original tenant.
        let carried = ApprovedObjectivesRecord.make(
            for: F.trainee, progress: imported, names: [:], tenant: try TenantID("kommune-4601"),
            organisationNumber: try OrganisationNumber("964338531"), issuedAt: F.now)
        #expect(carried.entries.allSatisfy { $0.tenant == tenant })
    }

    @Test("Completion is available only when every objective of the plan is approved")
    func completionNeedsEveryObjective() throws {
        let plan = try F.plan()
        let (tenant, organisation) = try Self.tenant()
        let all = try Self.approvedAll(plan)
        func decide(_ progress: [ObjectiveProgress], approvers: [String] = ["Lena Leder"], to: String = "2027-06-30")
            throws(CompletionError) -> CompletionConfirmation
        {
            let from = (try? CalendarDate(iso: "2027-01-01")) ?? F.today
            let end = (try? CalendarDate(iso: to)) ?? F.today
            return try CompletionConfirmation.decide(
                plan: plan, progress: progress, trainee: F.trainee, tenant: tenant, organisationNumber: organisation,
                from: from, to: end, approvers: approvers, issuedAt: F.now)
        }
        #expect(throws: CompletionError.objectivesOutstanding(count: 1)) { try decide(Array(all.prefix(2))) }
        #expect(throws: CompletionError.approversRequired) { try decide(all, approvers: [" "]) }
        #expect(throws: CompletionError.badPeriod) { try decide(all, to: "2026-12-31") }
        let confirmation = try decide(all)
        #expect(confirmation.objectiveCount == 3)
        #expect(
            String(decoding: confirmation.canonicalBytes, as: UTF8.self)
                == #"{"approvers":["Lena Leder"],"formatVersion":1,"issuedAt":"2027-01-15T08:00:00Z","kind":"kompetanseportal.completion","lis":"\#(F.lis.hex)","objectiveCount":3,"organisationNumber":"974760673","periodFrom":"2027-01-01","periodTo":"2027-06-30","planKey":"lis1-kommune","planVersion":1,"tenant":"kommune-0301"}"#)
        #expect(CompletionError.objectivesOutstanding(count: 2).code == "completion.objectives-outstanding")
    }
}
