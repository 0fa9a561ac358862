import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import TestSupport
import Testing

@testable import API

@Suite struct TrainingWorkflowTests {
    /// A week's work through HTTP: the plan arrives with the leder, activities are signed by the person
    /// they were sent to, objectives approved after consultation, a talk finalised, the progress report
    /// complete, and a sealed confirmation of completed service.
    @Test func aLIS1WorksThroughThePlanAndGetsASealedConfirmation() async throws {
        let f = try await TrainingFixture()
        try await f.bringInEveryone()
        let leder = try #require(f.tokens[.leder])
        let veileder = try #require(f.tokens[.veileder])
        let supervisor = try #require(f.tokens[.supervisor])
        let today = f.app.clock.now.isoDay

        // The leder's arrival assigned the LIS1 kommune plan.
        let plans = try await f.call(f.base + "/plans", .get, f.lis)
        let assigned = plans.body["assignments"] as? [[String: Any]]
        #expect(assigned?.map { $0["planKey"] as? String } == ["lis1-kommune"])

        // An activity the plan says a supervisor signs.
        let recorded = try await f.call(
            f.base + "/activities", .post, f.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"\#(today)","note":"Sutur"}"#)
        #expect(recorded.status == .created)
        let activity = try #require(recorded.body["id"] as? String)
        let toVeileder = try await f.call(
            f.base + "/activities/\(activity)/submit", .post, f.lis, #"{"signerAssignmentId":"\#(f.assignments[.veileder] ?? "")"}"#)
        #expect(toVeileder.problem?.code == "activity.wrong-signer-role")
        let sent = try await f.call(
            f.base + "/activities/\(activity)/submit", .post, f.lis, #"{"signerAssignmentId":"\#(f.assignments[.supervisor] ?? "")"}"#)
        #expect(sent.body["state"] as? String == "submitted")
        #expect(sent.body["sentTo"] as? String == "Siri Supervisør")
        #expect(try await f.call(f.base + "/activities/\(activity)/approve", .post, veileder).problem?.code == "activity.not-addressed-to-you")
        #expect(try await f.call(f.base + "/activities/\(activity)/approve", .post, f.lis).problem?.code == "access.forbidden")
        #expect(try await f.call(f.base + "/activities/\(activity)/approve", .post, supervisor).body["state"] as? String == "approved")
        let twice = try await f.call(f.base + "/activities/\(activity)/approve", .post, supervisor)
        #expect(twice.status == .conflict)

        let early = try await f.call(f.base + "/completion", .get, f.lis)
        #expect(early.status == .conflict)
        #expect(early.problem?.code == "completion.objectives-outstanding")

        // Objective 1: sent to the leder, approved after consulting the veileder and a supervisor.
        #expect(try await f.call(f.base + "/objectives/DEL1-001/submit", .post, f.lis, #"{"planKey":"lis1-kommune"}"#).status == .ok)
        let bySupervisor = try await f.call(
            f.base + "/objectives/DEL1-001/approve", .post, supervisor,
            #"{"planKey":"lis1-kommune","consultedVeileder":"\#(f.assignments[.veileder] ?? "")","consultedSupervisors":["\#(f.assignments[.supervisor] ?? "")"]}"#)
        #expect(bySupervisor.status == .forbidden)
        #expect(bySupervisor.problem?.code == "access.forbidden")
        let unconsulted = try await f.call(
            f.base + "/objectives/DEL1-001/approve", .post, leder,
            #"{"planKey":"lis1-kommune","consultedVeileder":"\#(f.assignments[.veileder] ?? "")","consultedSupervisors":[]}"#)
        #expect(unconsulted.status == .badRequest)
        #expect(unconsulted.problem?.code == "objective.consultation-required")
        let approval = #"{"planKey":"lis1-kommune","consultedVeileder":"\#(f.assignments[.veileder] ?? "")","consultedSupervisors":["\#(f.assignments[.supervisor] ?? "")"]}"#
        let approved = try await f.call(f.base + "/objectives/DEL1-001/approve", .post, leder, approval)
        #expect(approved.body["state"] as? String == "approved")
        #expect(approved.body["approvedBy"] as? String == "Lars Leder")
        #expect(try await f.call(f.base + "/objectives/DEL1-001/approve", .post, leder, approval).status == .conflict)

        // Objective 2: rejected with a comment, resubmitted, approved; a revocation needs a reason.
        _ = try await f.call(f.base + "/objectives/DEL1-002/submit", .post, f.lis, #"{"planKey":"lis1-kommune"}"#)
        let rejected = try await f.call(
            f.base + "/objectives/DEL1-002/reject", .post, leder, #"{"planKey":"lis1-kommune","comment":"Mer veiledning først"}"#)
        #expect(rejected.body["state"] as? String == "rejected")
        #expect(rejected.body["comment"] as? String == "Mer veiledning først")
        let resubmitted = try await f.call(f.base + "/objectives/DEL1-002/submit", .post, f.lis, #"{"planKey":"lis1-kommune"}"#)
        #expect(resubmitted.status == .ok, "\(resubmitted.text)")
        let second = try await f.call(f.base + "/objectives/DEL1-002/approve", .post, leder, approval)
        #expect(second.status == .ok, "\(second.text)")
        let noReason = try await f.call(f.base + "/objectives/DEL1-002/revoke", .post, leder, #"{"planKey":"lis1-kommune","reason":" "}"#)
        #expect(noReason.status == .badRequest)
        let revoked = try await f.call(
            f.base + "/objectives/DEL1-002/revoke", .post, leder, #"{"planKey":"lis1-kommune","reason":"Godkjent ved en feil"}"#)
        #expect(revoked.body["state"] as? String == "inProgress")
        _ = try await f.call(f.base + "/objectives/DEL1-002/submit", .post, f.lis, #"{"planKey":"lis1-kommune"}"#)
        #expect(try await f.call(f.base + "/objectives/DEL1-002/approve", .post, leder, approval).status == .ok)

        // A supervision talk: prepared by the LIS, minutes by the veileder, finalised only by the veileder.
        let talk = try await f.call(f.base + "/talks", .post, veileder, #"{"date":"\#(today)","topic":"Oppstartssamtale"}"#)
        #expect(talk.status == .created)
        let talkID = try #require(talk.body["id"] as? String)
        #expect(try await f.call(f.base + "/talks", .post, f.lis, #"{"date":"\#(today)","topic":"X"}"#).status == .forbidden)
        #expect(try await f.call(f.base + "/talks/\(talkID)/preparation", .put, f.lis, #"{"text":"Mål for høsten"}"#).status == .ok)
        #expect(try await f.call(f.base + "/talks/\(talkID)/minutes", .put, veileder, #"{"text":"Fortrolig referat"}"#).status == .ok)
        #expect(try await f.call(f.base + "/talks/\(talkID)/finalise", .post, f.lis).status == .forbidden)
        #expect(try await f.call(f.base + "/talks/\(talkID)/finalise", .post, veileder).body["state"] as? String == "finalised")
        let edit = try await f.call(f.base + "/talks/\(talkID)/minutes", .put, veileder, #"{"text":"Endret"}"#)
        #expect(edit.status == .conflict)
        #expect(edit.problem?.code == "talk.finalised")
        let lederView = try await f.call(f.base + "/talks", .get, leder)
        let seenByLeder = (lederView.body["talks"] as? [[String: Any]])?.first
        #expect(seenByLeder?["topic"] as? String == "Oppstartssamtale")
        #expect(seenByLeder?["minutes"] == nil)
        #expect(!lederView.text.contains("Fortrolig"))
        let lisView = try await f.call(f.base + "/talks", .get, f.lis)
        #expect((lisView.body["talks"] as? [[String: Any]])?.first?["minutes"] as? String == "Fortrolig referat")

        // The progress report in three forms.
        let report = try await f.call(f.base + "/progress", .get, leder)
        #expect(report.body["complete"] as? Bool == true)
        #expect(report.body["talksHeld"] as? Int == 1)
        #expect(report.body["activitiesSigned"] as? Int == 1)
        let plan = (report.body["plans"] as? [[String: Any]])?.first
        #expect(plan?["approved"] as? [String] == ["DEL1-001", "DEL1-002"])
        let csv = try await f.call(f.base + "/progress?format=csv", .get, f.lis)
        #expect(csv.contentType?.hasPrefix("text/csv") == true)
        #expect(csv.text.contains("DEL1-001"))
        let html = try await f.call(f.base + "/progress?format=html", .get, f.lis)
        #expect(html.contentType?.hasPrefix("text/html") == true)
        #expect(html.text.contains("<svg") && html.text.contains("Fremdriftsrapport") && html.text.contains("Delen er fullført"))
        let overview = try await f.call("/api/v1/tenants/\(f.tenant)/leder/overview", .get, leder)
        #expect((overview.body["trainees"] as? [[String: Any]])?.first?["complete"] as? Bool == true)
        // The printable overview names the programme and the statuses in bokmål, as the CSV does.
        let printable = try await f.call("/api/v1/tenants/\(f.tenant)/leder/overview?format=html", .get, leder)
        #expect(printable.text.contains("LIS1"))
        #expect(!printable.text.contains(">lis1<"))
        #expect(html.text.contains("Godkjent"))
        #expect(try await f.call("/api/v1/tenants/\(f.tenant)/overview", .get, leder).problem?.code == "agreement.not-authorised")

        // Reads by others than the LIS are in the LIS's access log, with the changes.
        let log = try await f.call(f.base + "/access-log", .get, f.lis)
        let operations = Set((log.body["entries"] as? [[String: Any]] ?? []).compactMap { $0["operation"] as? String })
        for operation in ["assignPlan", "submitActivity", "signActivity", "approveObjective", "finaliseTalk", "readProgressReport"] {
            #expect(operations.contains(operation), "\(operation)")
        }

        // Completion: a sealed confirmation for the LIS and the leder, not for a supervisor.
        let completion = try await f.call(f.base + "/completion", .get, f.lis)
        #expect(completion.status == .ok)
        guard case .valid(let sealed) = PlatformSeal.verify(file: Data(completion.text.utf8), publicKey: f.app.services.seal.publicKey) else {
            Issue.record("the completion confirmation does not verify")
            return
        }
        #expect(sealed.kind == CompletionConfirmation.kind)
        #expect(sealed.fileText == completion.text, "the download is the sealed file byte for byte")
        #expect(sealed.content.canonical.contains("974770482"))
        #expect(try await f.call(f.base + "/completion", .get, leder).status == .ok)
        #expect(try await f.call(f.base + "/completion", .get, supervisor).status == .forbidden)
    }

    @Test func anActivityCarriesAnAttachmentTheSignerCanOpen() async throws {
        let f = try await TrainingFixture()
        try await f.bringInEveryone()
        let pdf = Array("%PDF-1.4\nkursbevis\n%%EOF\n".utf8)
        let (status, data) = try await f.app.test { client in
            try await client.execute(
                uri: f.base + "/attachments?filename=Kursbevis%20ALS.pdf&mediaType=application/pdf", method: .post,
                headers: [.authorization: "Bearer \(f.lis)", .contentType: "application/octet-stream"],
                body: ByteBuffer(bytes: pdf)
            ) { ($0.status, $0.data) }
        }
        #expect(status == .created)
        let sha = try #require(jsonObject(data)["sha256"] as? String)
        let unknown = try await f.call(
            f.base + "/activities", .post, f.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"\#(f.app.clock.now.isoDay)","attachmentSha256":"\#(String(repeating: "0", count: 64))"}"#)
        #expect(unknown.problem?.field == "attachmentSha256")
        let recorded = try await f.call(
            f.base + "/activities", .post, f.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"\#(f.app.clock.now.isoDay)","attachmentSha256":"\#(sha)"}"#)
        #expect((recorded.body["attachment"] as? [String: Any])?["filename"] as? String == "Kursbevis ALS.pdf")
        let download = try await f.app.test { client in
            try await client.execute(uri: f.base + "/attachments/\(sha)", method: .get, headers: .bearer(f.tokens[.supervisor] ?? "")) {
                ($0.status, Array($0.body.readableBytesView), $0.headers[.contentDisposition])
            }
        }
        #expect(download.0 == .ok)
        #expect(download.1 == pdf)
        #expect(download.2?.contains("Kursbevis") == true)
        let stranger = try await f.app.token(subject: "stranger", pid: "55038810056", name: "Stein Fremmed")
        #expect(try await f.call(f.base + "/attachments/\(sha)", .get, stranger).status == .forbidden)
    }

    /// Moving employers: the approvals from the first tenant count in the second and say where they came from;
    /// a forged record is refused.
    @Test func approvalsMoveToTheNextEmployerOnlyWithAValidSeal() async throws {
        let first = try await TrainingFixture()
        try await first.bringInEveryone()
        let approval = #"{"planKey":"lis1-kommune","consultedVeileder":"\#(first.assignments[.veileder] ?? "")","consultedSupervisors":["\#(first.assignments[.supervisor] ?? "")"]}"#
        _ = try await first.call(first.base + "/objectives/DEL1-001/submit", .post, first.lis, #"{"planKey":"lis1-kommune"}"#)
        #expect(try await first.call(first.base + "/objectives/DEL1-001/approve", .post, first.tokens[.leder], approval).status == .ok)
        let exported = try await first.call(first.base + "/approved-record", .get, first.lis)
        #expect(exported.status == .ok)
        let record = exported.text

        let second = try await TrainingFixture(tenant: "kommune-4601", app: first.app, organisationNumber: "964338531")
        try await second.bringInEveryone()
        let forged = record.replacingOccurrences(of: "Lars Leder", with: "Falsk Leder")
        let refused = try await second.call(second.base + "/approved-record", .post, second.lis, forged)
        #expect(refused.status == .badRequest)
        #expect(refused.problem?.code == "record.seal-invalid")
        #expect(try await first.call(first.base + "/approved-record", .post, first.lis, record).problem?.code == "record.same-tenant")
        let imported = try await second.call(second.base + "/approved-record", .post, second.lis, record)
        #expect(imported.body["imported"] as? Int == 1)
        let objectives = try await second.call(second.base + "/objectives", .get, second.lis)
        let moved = (objectives.body["objectives"] as? [[String: Any]])?.first { $0["objectiveId"] as? String == "DEL1-001" }
        #expect(moved?["state"] as? String == "approved")
        #expect((moved?["importedFrom"] as? String)?.contains("kommune-0301") == true)
        let report = try await second.call(second.base + "/progress", .get, second.lis)
        let plan = (report.body["plans"] as? [[String: Any]])?.first
        #expect(plan?["importedApprovals"] as? Int == 1)

        // Ids from one tenant mean nothing in another.
        let elsewhere = try await second.call(
            "/api/v1/tenants/\(second.tenant)/trainees/\(first.traineeID)/objectives/DEL1-001/approve", .post,
            second.tokens[.leder], approval)
        #expect(elsewhere.status == .notFound)
    }
}
