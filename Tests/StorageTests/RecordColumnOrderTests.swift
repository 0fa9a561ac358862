import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// The records read on hot paths decode `SELECT *` by position. These tests hold each record's column list
/// to the table as the migrations build it, so a migration that changes a table cannot shift a column
/// unnoticed.
@Suite struct RecordColumnOrderTests {
    static func columns(_ table: String, in reader: some DatabaseReader) throws -> [String] {
        try reader.read { db in try db.columns(in: table).map(\.name) }
    }

    @Test func theRegistryRecordsReadTheirTablesColumnsInTheTablesOrder() throws {
        let fixture = try RegistryFixture()
        let queue = try DatabaseQueue(path: fixture.directory.registryPath)
        defer { try? queue.close() }
        #expect(try Self.columns("tenant", in: queue) == TenantRecord.columnOrder)
        #expect(try Self.columns("agreement", in: queue) == AgreementRecord.columnOrder)
    }

    @Test func theTenantRecordsReadTheirTablesColumnsInTheTablesOrder() throws {
        let folder = try TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.url.appendingPathComponent("tenant.sqlite").path)
        defer { try? queue.close() }
        try TenantSchema.current.migrator.migrate(queue)
        #expect(try Self.columns("roleAssignment", in: queue) == RoleAssignmentRecord.columnOrder)
        #expect(try Self.columns("planAssignment", in: queue) == PlanAssignmentRecord.columnOrder)
        #expect(try Self.columns("trainee", in: queue) == TraineeRecord.columnOrder)
    }

    @Test func aTenantRowReadByPositionIsTheTenantThatWasWritten() throws {
        let fixture = try RegistryFixture()
        let oslo = try #require(try fixture.registry.tenant(Fixtures.tenantID("kommune-0301")))
        #expect(oslo.kind == .kommune && oslo.name == "Oslo" && oslo.kommunenummer?.rawValue == "0301")
        #expect(oslo.status == .registered && oslo.provisionedAt == nil && oslo.closesAt == nil)
        #expect(oslo.createdAt == Fixtures.now && oslo.updatedAt == Fixtures.now)
        let page = try fixture.registry.tenantPage(kind: .kommune, offset: 0, limit: 400)
        #expect(page.total == 357)
        #expect(page.tenants.first { $0.id == oslo.id } == oslo)
        #expect(Set(page.tenants.map(\.id)).count == 357)
    }
}
