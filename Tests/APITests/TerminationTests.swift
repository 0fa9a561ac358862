import Domain
import Engine
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import TestSupport
import Testing

@testable import API

/// A termination must not wipe a LIS's documentation without warning: everyone is told, the LIS can still
/// take their sealed record after the portal closes, and deletion has to be confirmed with the number of
/// LIS who have not.
@Suite struct TerminationTests {
    @Test func aTerminationTellsEveryLISAndLederAndTheLISCanTakeTheirRecordUntilTheDeletionIsConfirmed() async throws {
        let f = try await TrainingFixture()
        try await f.bringInEveryone()
        let other = try await f.app.token(subject: "lis-2", pid: "12059010016", name: "Lise Andre")
        let registered = try await f.call(
            "/api/v1/tenants/\(f.tenant)/trainees/me", .post, other, #"{"programme":"lis1","email":"lise.andre@example.no"}"#)
        #expect(registered.status == .created)
        let operatorCaller = PlatformCaller(operator: "test")
        _ = try await f.app.services.engine.agreements.terminate(
            f.tenant, noticeDate: f.app.clock.now.isoDay, reason: "Ny leverandør", by: operatorCaller)

        // Every LIS with an address, and every leder, gets a notice in bokmål with the date; no training content.
        await f.app.services.mailer.deliverDue()
        let mail = ReceivedMail.all(in: f.mailFolder)
        let toLIS = try #require(mail.first { $0.to.contains("lise.andre@example.no") })
        #expect(!mail.contains { $0.subject.contains("stenges") && ($0.to.contains("veileder-") || $0.to.contains("supervisor-")) })
        #expect(toLIS.subject.contains("stenges"))
        #expect(toLIS.body.contains(CalendarDate(f.app.clock.now).norwegian))
        #expect(toLIS.body.contains("Godkjente læringsmål"))
        let notices = mail.filter { $0.subject.contains("stenges") }
        let toLeder = try #require(notices.first { $0.to.contains("leder-") && !$0.to.contains("veileder-") })
        #expect(toLeder.body.contains("Du er leder for"))
        #expect(!toLeder.body.contains("DEL1-"))

        // Closed: the LIS takes their own sealed record, and nothing else; the leder gets nothing.
        let leder = try #require(f.tokens[.leder])
        #expect(try await f.call("/api/v1/tenants/\(f.tenant)/trainees/me", .get, f.lis).problem?.code == "tenant.terminated")
        #expect(try await f.call(f.base + "/progress", .get, f.lis).problem?.code == "tenant.terminated")
        let record = try await f.call(f.base + "/approved-record", .get, f.lis)
        #expect(record.status == .ok)
        #expect(try await f.call(f.base + "/completion", .get, f.lis).problem?.code == "completion.objectives-outstanding")
        #expect(try await f.call(f.base + "/approved-record", .get, leder).problem?.code == "tenant.terminated")

        // One of the two LIS has not taken their record: deletion without that number deletes nothing.
        let check = try await f.app.services.engine.agreements.deletionCheck(f.tenant, by: operatorCaller)
        #expect(check == DeletionCheck(trainees: 2, notTaken: 1))
        for wrong in [nil, 0, 2] {
            await #expect(throws: AgreementError.deletionNotConfirmed(notTaken: 1, trainees: 2), "\(String(describing: wrong))") {
                _ = try await f.app.services.engine.agreements.deleteData(f.tenant, confirmNotTaken: wrong, by: operatorCaller)
            }
        }
        #expect(FileManager.default.fileExists(atPath: f.app.services.directory.databasePath(for: f.tenant)))
        _ = try await f.app.services.engine.agreements.deleteData(f.tenant, confirmNotTaken: 1, by: operatorCaller)
        #expect(!FileManager.default.fileExists(atPath: f.app.services.directory.databasePath(for: f.tenant)))
        #expect(try await f.call(f.base + "/approved-record", .get, f.lis).problem?.code == "tenant.terminated")
    }
}
