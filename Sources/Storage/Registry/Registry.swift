import Domain
import Foundation
import GRDB
import Synchronization

/// The tenant registry: which tenants exist, their lifecycle status, and every change made to them.
///
/// Lookups go through an in-memory cache because the gate consults it on every request. A change made
/// through this value invalidates the entry at once; a change made by another process (`kp tenant …`
/// while the server runs) is seen once the entry is older than `cacheLifetime`.
package final class Registry: Sendable {
    private struct CacheEntry {
        let tenant: Tenant?
        let fetchedAt: ContinuousClock.Instant
    }

    package let kommuner: KommuneCatalog
    let pool: DatabasePool
    /// One-statement reads, on connections of their own (`readNow`).
    private let pointReaders: PointReaders
    private let cache = Mutex<[TenantID: CacheEntry]>([:])
    private let cacheLifetime: Duration

    /// Opens (creating and migrating if needed) the registry file; the kommuner are loaded on first start.
    package init(path: String, kommuner: KommuneCatalog, cacheLifetime: Duration = .seconds(2), now: Date) throws {
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        self.pool = try DatabaseSetup.openPool(at: path, maximumReaderCount: 4)
        self.kommuner = kommuner
        self.cacheLifetime = cacheLifetime
        self.pointReaders = PointReaders(path: path, keep: 4)
        try RegistryMigrations.migrator(kommuner: kommuner, now: now).migrate(pool)
    }

    /// One SELECT, in autocommit on a read-only connection of the registry's own (`PointReaders`): only for a
    /// single statement; anything that reads twice and needs one snapshot uses `pool.read`.
    func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try pointReaders.read(body)
    }

    // MARK: Reads

    /// The tenant with this id, from the cache when fresh.
    package func tenant(_ id: TenantID) throws -> Tenant? {
        let now = ContinuousClock.now
        if let entry = cache.withLock({ $0[id] }), now - entry.fetchedAt < cacheLifetime {
            return entry.tenant
        }
        // A statement prepared once per connection: the query interface's `fetchOne(key:)` built and prepared its SQL
        // on every call, 40% of a lookup, and with many tenants most requests find their entry expired.
        let tenant = try readNow { db in
            let statement = try db.cachedStatement(sql: "SELECT * FROM tenant WHERE id = ?")
            return try TenantRecord.fetchOne(statement, arguments: [id.rawValue])?.tenant()
        }
        cache.withLock { $0[id] = CacheEntry(tenant: tenant, fetchedAt: now) }
        return tenant
    }

    package func requireTenant(_ id: TenantID) throws -> Tenant {
        guard let tenant = try tenant(id) else { throw TenantError.unknown(id) }
        return tenant
    }

    package func tenants(
        status: TenantStatus? = nil, kind: TenantKind? = nil, kommunenummer: Kommunenummer? = nil
    ) throws -> [Tenant] {
        try pool.read { db in
            var request = TenantRecord.all()
            if let kommunenummer { request = request.filter(Column("kommunenummer") == kommunenummer.rawValue) }
            if let status { request = request.filter(Column("status") == status.rawValue) }
            if let kind { request = request.filter(Column("kind") == kind.rawValue) }
            return try request.order(Column("id")).fetchAll(db).map { try $0.tenant() }
        }
    }

    /// One page of the tenants with `status` and `kind` (if given) in id order, and how many there are in all:
    /// support's list, paged by the database, so a page costs the same with 300 tenants as with 10,000.
    package func tenantPage(
        status: TenantStatus? = nil, kind: TenantKind? = nil, offset: Int, limit: Int
    ) throws -> (tenants: [Tenant], total: Int) {
        // Four fixed statements (with or without each filter), prepared once per connection.
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let status {
            conditions.append("status = ?")
            arguments += [status.rawValue]
        }
        if let kind {
            conditions.append("kind = ?")
            arguments += [kind.rawValue]
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // Two statements without a transaction (`readNow`): a tenant created between them makes the total one
        // off for one view of a paged list, which costs less than a transaction on every view. (One statement
        // with a window count is no way out: it reads every row of the table before the limit.)
        return try readNow { db in
            let total = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM tenant" + filter), arguments: arguments)
            let tenants = try TenantRecord.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM tenant" + filter + " ORDER BY id LIMIT ? OFFSET ?"),
                arguments: arguments + [limit, offset]
            ).map { try $0.tenant() }
            return (tenants, total ?? 0)
        }
    }

    /// Answers the readiness probe: the registry file can be read.
    package func ping() throws {
        _ = try readNow { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM tenant LIMIT 1")) }
    }

    // MARK: Changes (each one transaction: read → decide → write, with its event)

    package func createVirksomhet(
        id: TenantID, organisationNumber: OrganisationNumber, name: String, actor: String, at now: Date
    ) async throws -> Tenant {
        let tenant = try Tenant.newVirksomhet(id: id, organisationNumber: organisationNumber, name: name, at: now)
        try await pool.write { db in
            if try TenantRecord.exists(db, key: id.rawValue) { throw TenantError.alreadyExists(id) }
            if try TenantRecord.filter(Column("organisationNumber") == organisationNumber.rawValue).fetchCount(db) > 0 {
                throw TenantError.organisationNumberTaken(organisationNumber)
            }
            try TenantRecord(tenant).insert(db)
            try Self.appendEvent(db, tenant: id, action: "create", from: nil, to: tenant.status, actor: actor, at: now)
        }
        invalidate(id)
        return tenant
    }

    /// Applies a lifecycle transition decided by the domain, with the reason the actor gave, if any.
    package func apply(
        _ transition: TenantTransition, to id: TenantID, reason: String? = nil, actor: String, at now: Date
    ) async throws -> Tenant {
        try await change(id, action: transition.rawValue, reason: reason, actor: actor, at: now) { tenant in
            try tenant.applying(transition, at: now)
        }
    }

    /// Records that the tenant's file exists, and its schema version; called by `TenantStore.provision` after
    /// the copy.
    package func markProvisioned(_ id: TenantID, schemaVersion: Int, actor: String, at now: Date) async throws -> Tenant {
        try await change(
            id, action: "provision", actor: actor, at: now,
            also: { db in try Self.recordSchemaVersion(db, id, version: schemaVersion, at: now) }
        ) { tenant in try tenant.provisioned(at: now) }
    }

    package func invalidate(_ id: TenantID) {
        _ = cache.withLock { $0.removeValue(forKey: id) }
    }

    /// `also`: more to write in the same transaction.
    func change(
        _ id: TenantID, action: String, reason: String? = nil, actor: String, at now: Date,
        also: (@Sendable (Database) throws -> Void)? = nil, decide: @escaping @Sendable (Tenant) throws -> Tenant
    ) async throws -> Tenant {
        let updated = try await pool.write { db in
            guard let current = try TenantRecord.fetchOne(db, key: id.rawValue)?.tenant() else {
                throw TenantError.unknown(id)
            }
            let next = try decide(current)
            try TenantRecord(next).update(db)
            try Self.appendEvent(
                db, tenant: id, action: action, from: current.status, to: next.status, actor: actor, at: now,
                reason: reason)
            try also?(db)
            return next
        }
        invalidate(id)
        return updated
    }

    static func appendEvent(
        _ db: Database, tenant: TenantID, action: String, from: TenantStatus?, to: TenantStatus?, actor: String,
        at now: Date, reason: String? = nil
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO tenantEvent (tenantId, action, fromStatus, toStatus, actor, at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [tenant.rawValue, action, from?.rawValue, to?.rawValue, actor, now, reason])
        let change = [from?.rawValue, to?.rawValue].map { $0 ?? "-" }.joined(separator: "→")
        try AuditLog.append(
            db, actor: actor, action: "tenant.\(action)", tenant: tenant,
            detail: change + (reason.map { "; reason: \($0)" } ?? ""), at: now)
    }

    /// The recorded changes of one tenant, oldest first.
    package func events(of id: TenantID) throws -> [TenantEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT action, fromStatus, toStatus, actor, at, reason FROM tenantEvent WHERE tenantId = ? ORDER BY id",
                arguments: [id.rawValue]
            ).map { row in
                TenantEvent(
                    action: row["action"], from: (row["fromStatus"] as String?).flatMap(TenantStatus.init(rawValue:)),
                    to: (row["toStatus"] as String?).flatMap(TenantStatus.init(rawValue:)), actor: row["actor"],
                    at: row["at"], reason: row["reason"])
            }
        }
    }

    package func close() throws {
        try pointReaders.close()
        try pool.close()
    }
}
