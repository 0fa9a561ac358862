import Domain
import Engine
import Foundation
import GRDB
import Storage
import Testing

@testable import API

/// The engine's promise: an operation's permission check, reads, writes and access-log line are one
/// transaction. A refusal leaves nothing behind; a read is logged if and only if it was returned.
@Suite struct EngineTransactionTests {
    /// Counts rows in the tenant's file through a connection of the test's own.
    private func count(_ fixture: TrainingFixture, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: fixture.app.services.directory.databasePath(for: fixture.tenant))
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    private func recordActivity(_ fixture: TrainingFixture) async throws -> String {
        let recorded = try await fixture.call(
            fixture.base + "/activities", .post, fixture.lis,
            #"{"planKey":"lis1-kommune","objectiveId":"DEL1-001","recommendation":0,"performedOn":"2026-11-02","note":"Suturering"}"#
        )
        #expect(recorded.status == .created, "\(recorded.text)")
        return try #require(recorded.body["id"] as? String)
    }

    @Test func aRefusedOperationWritesNeitherDataNorAnAccessLogLine() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        let activity = try await recordActivity(fixture)
        let logBefore = try count(fixture, "SELECT COUNT(*) FROM accessLog")
        let activitiesBefore = try count(fixture, "SELECT COUNT(*) FROM learningActivity")

        // A supervisor may not approve objectives, a veileder may not record activities for the LIS, and
        // an activity can be signed only by the person it was sent to (it was not sent to anyone).
        let approve = try await fixture.call(
            fixture.base + "/objectives/DEL1-001/approve", .post, fixture.tokens[.supervisor],
            #"{"planKey":"lis1-kommune","consultedVeileder":"\#(fixture.assignments[.veileder] ?? "")","consultedSupervisors":["\#(fixture.assignments[.supervisor] ?? "")"]}"#
        )
        #expect(approve.status == .forbidden)
        let record = try await fixture.call(
            fixture.base + "/activities", .post, fixture.tokens[.veileder],
            #"{"planKey":"lis1-kommune","recommendation":0,"performedOn":"2026-11-02"}"#)
        #expect(record.status == .forbidden)
        let sign = try await fixture.call(
            fixture.base + "/activities/\(activity)/approve", .post, fixture.tokens[.supervisor])
        #expect(sign.status.code >= 400)

        #expect(try count(fixture, "SELECT COUNT(*) FROM accessLog") == logBefore)
        #expect(try count(fixture, "SELECT COUNT(*) FROM learningActivity") == activitiesBefore)
        #expect(try count(fixture, "SELECT COUNT(*) FROM objectiveProgress WHERE state = 'approved'") == 0)
    }

    @Test func aPermittedReadIsReturnedTogetherWithItsAccessLogLine() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        _ = try await recordActivity(fixture)
        let sql = "SELECT COUNT(*) FROM accessLog WHERE object = 'activities' AND actorName = 'Lars Leder'"
        #expect(try count(fixture, sql) == 0)
        let read = try await fixture.call(fixture.base + "/activities", .get, fixture.tokens[.leder])
        #expect(read.status == .ok)
        #expect((read.body["activities"] as? [[String: Any]])?.count == 1)
        #expect(try count(fixture, sql) == 1)
    }

    @Test func aReadWhoseAccessLogLineCannotBeWrittenReturnsNothing() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        _ = try await recordActivity(fixture)
        // Kill the transaction half way: the read runs, then the log insert fails.
        let queue = try DatabaseQueue(path: fixture.app.services.directory.databasePath(for: fixture.tenant))
        try await queue.write {
            try $0.execute(
                sql: "CREATE TRIGGER failLogInTest BEFORE INSERT ON accessLog BEGIN SELECT RAISE(ABORT, 'disk gone'); END")
        }
        let read = try await fixture.call(fixture.base + "/activities", .get, fixture.tokens[.leder])
        #expect(read.status == .internalServerError)
        #expect(read.body["activities"] == nil)
        try await queue.write { try $0.execute(sql: "DROP TRIGGER failLogInTest") }
        try queue.close()
        #expect(try count(fixture, "SELECT COUNT(*) FROM accessLog WHERE object = 'activities'") == 0)
    }

    @Test func aReadThatFailsHalfWayLeavesNoAccessLogLine() async throws {
        let fixture = try await TrainingFixture()
        try await fixture.bringInEveryone()
        let leder = try await fixture.app.services.verifier.verify(token: try #require(fixture.tokens[.leder]))
        let tenant = try #require(try fixture.app.services.registry.tenant(fixture.tenant))
        let trainee = try #require(UUID(uuidString: fixture.traineeID))
        struct Interrupted: Error {}
        await #expect(throws: Interrupted.self) {
            try await fixture.app.services.tenantStore.withDatabase(tenant.id) { database in
                try await database.read(
                    .readProgressReport, trainee: trainee, by: leder, object: "interrupted", at: fixture.app.clock.now
                ) { reader in
                    _ = try reader.activities()
                    throw Interrupted()
                }
            }
        }
        #expect(try count(fixture, "SELECT COUNT(*) FROM accessLog WHERE object = 'interrupted'") == 0)
        // The same read, completed, is logged once.
        _ = try await fixture.app.services.tenantStore.withDatabase(tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: leder, object: "interrupted", at: fixture.app.clock.now
            ) { try $0.activities().count }
        }
        #expect(try count(fixture, "SELECT COUNT(*) FROM accessLog WHERE object = 'interrupted'") == 1)
    }
}
