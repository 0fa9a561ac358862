import API
import ArgumentParser
import Domain
import Foundation
import Identity
import Storage

/// `kp dev seed-training`: fills an open tenant with LIS and realistic training progress for benchmarks and
/// demos, through the same storage verbs the API uses (`TrainingSeeder`).
///
/// It runs against the files directly, like `kp tenant`; a server on the same files sees the data at once
/// (the tenant file is shared through SQLite's WAL, and the catalog is read from the registry per request).
struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-training",
        abstract: "Seed an open tenant with LIS on lis1-kommune, their leder, veileder, supervisor and progress.")
    @OptionGroup var options: CommonOptions
    @Option(help: "Tenant id (active, with its database provisioned).") var tenant: String
    @Option(help: "How many LIS to create.") var trainees: Int = 500
    @Option(name: .customLong("per-leder"), help: "LIS per leder; the --leder-pid person leads the first ones.")
    var perLeder: Int = 50
    @Option(
        name: .customLong("lis-pid"), help: "Pid of the first LIS (default: the demo LIS, `kp dev token --as lis`).")
    var lisPid: String = DemoPerson.lis.pid
    @Option(name: .customLong("lis-name"), help: "Name of the first LIS, when they are not registered yet.")
    var lisName: String = DemoPerson.lis.name
    @Option(
        name: .customLong("leder-pid"), help: "Pid of the leder of the first --per-leder LIS (default: the demo's).")
    var lederPid: String = DemoPerson.leder.pid
    @Option(name: .customLong("leder-name"), help: "Name of that leder.") var lederName: String = DemoPerson.leder.name
    @Option(help: "Seed of the progress shapes: the same seed gives the same data.") var seed: UInt64 = 42

    func run() async throws {
        let started = ContinuousClock.now
        let services = try options.makeServices(logLevel: .warning)
        let now = Date()
        let id = try await Self.check { try TenantID(tenant, field: "tenant") }
        let found = try await Self.check { try services.registry.requireTenant(id) }
        guard found.status == .active, found.isProvisioned else {
            throw Self.failure(
                "tenant \(tenant) is \(found.status.rawValue)\(found.isProvisioned ? "" : " without a database"); "
                    + "open it first (a countersigned agreement)")
        }
        let plans = try await Self.check { try services.registry.plansInForce(on: CalendarDate.latestBegun(at: now)) }
        guard let plan = plans.first(where: { $0.key == .lis1Kommune }) else {
            throw Self.failure(
                "plan lis1-kommune is not in force; import the catalog first (kp catalog import "
                    + "Catalog/sample-catalog.json)")
        }
        let seeder = try await Self.check { try TrainingSeeder(trainees: trainees, perLeder: perLeder, seed: seed) }
        let hasher = services.pidHasher
        let issuer = services.configuration.devIssuer.issuer
        let people = TrainingSeeder.People(
            lis: Self.person(lisPid, name: lisName, subject: "seed-lis", issuer: issuer, hasher: hasher),
            leder: Self.person(lederPid, name: lederName, subject: "seed-leder", issuer: issuer, hasher: hasher),
            issuer: issuer, personKey: { hasher.personKey(pid: $0) })
        let progress = ProgressReporter.standardError(label: "seed-training", unit: "LIS", total: trainees)
        let counts = try await Self.check {
            try await services.tenantStore.withDatabase(id) { database in
                try await seeder.run(into: database, plan: plan, tenantKind: found.kind, people: people, at: now) { _ in
                    progress.advance()
                }
            }
        }
        progress.finish()
        await services.tenantStore.closeAll()
        let seconds = (ContinuousClock.now - started).seconds
        print(
            """
            seeded \(tenant) with plan \(plan.reference) (\(plan.objectives.count) objectives), seed \(seed)
              LIS            \(counts.trainees) (\(counts.traineesReused) already registered), \
            \(counts.roles) roles granted, \(perLeder) LIS per leder
              objectives     \(counts.objectivesApproved) approved, \(counts.objectivesSubmitted) submitted, \
            \(counts.objectivesInProgress) in progress
              activities     \(counts.activities) recorded, \(counts.activitiesSigned) signed
              talks          \(counts.talksFinalised) finalised
              transactions   \(counts.transactions) in \(String(format: "%.1f", seconds)) s \
            (\(String(format: "%.0f", Double(counts.transactions) / max(seconds, 0.001))) per second)
            """)
    }

    /// A person as a verified token for `pid` would give them: the same keyed hash, so a token minted with
    /// `kp dev token --pid` finds them.
    static func person(_ pid: String, name: String, subject: String, issuer: String, hasher: PIDHasher) -> Principal {
        Principal(
            issuer: issuer, subject: subject, personKey: hasher.personKey(pid: pid), hprNumber: nil, name: name,
            securityLevel: .level4, isSupport: false)
    }

    /// Seeder failures as one line of their own; everything else as the API would name it.
    static func check<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as TrainingSeeder.Failure {
            throw Self.failure(failure.description)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            _ = try await Console.reporting { () async throws -> T in throw error }
            throw ExitCode.failure
        }
    }

    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("kp: \(message)\n".utf8))
        return ExitCode.failure
    }
}
