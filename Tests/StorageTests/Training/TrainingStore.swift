import Domain
import Foundation
import TestSupport

@testable import Storage

/// Named people for the training tests; their keys are fixed bytes, never anyone's real key.
enum Person {
    static func principal(_ byte: UInt8, _ name: String, subject: String) -> Principal {
        Principal(
            issuer: "https://issuer.test", subject: subject,
            personKey: PersonKey(digest: Array(repeating: byte, count: 32)),
            hprNumber: nil, name: name, securityLevel: .level4, isSupport: false)
    }

    static let lis = principal(0x01, "Lise Lege", subject: "lis")
    static let leder = principal(0x11, "Lena Leder", subject: "leder")
    static let veileder = principal(0x22, "Vera Veileder", subject: "veileder")
    static let supervisor = principal(0x33, "Sara Supervisør", subject: "supervisor")
    static let secondSupervisor = principal(0x44, "Sigurd Supervisør", subject: "supervisor-2")
    static let outsider = principal(0x55, "Otto Utenfor", subject: "outsider")
    static let administrator = principal(0x66, "Anne Administrator", subject: "admin")
}

/// A real tenant file (from the migrated template) in a temporary folder, with a registry beside it, one LIS1
/// (Lise) and her leder, veileder and two supervisors.
struct TrainingStore {
    static let now = Fixtures.now  // 2026-11-18
    let registry: RegistryFixture
    let database: TenantDatabase
    let trainee: Trainee

    init(programme: Programme = .lis1, roles: Bool = true) async throws {
        registry = try RegistryFixture()
        let store = try TenantStore(directory: registry.directory, maximumOpen: 2, logger: .init(label: "test"))
        let id = Fixtures.tenantID("kommune-0301")
        try store.createDatabaseFile(for: id)
        database = try TenantDatabase.open(id: id, path: registry.directory.databasePath(for: id)).database
        trainee = try await database.registerTrainee(
            principal: Person.lis, programme: programme, email: nil, id: UUID(), at: Self.now)
        if roles {
            for (role, person) in [
                (Role.leder, Person.leder), (.veileder, Person.veileder), (.supervisor, Person.supervisor),
                (.supervisor, Person.secondSupervisor),
            ] {
                try await grant(role, to: person)
            }
        }
    }

    func grant(_ role: Role, to person: Principal, trainee: Trainee? = nil) async throws {
        _ = try await database.grantRole(
            role, to: person, traineeID: (trainee ?? self.trainee).id, grantedBy: "test", id: UUID(), at: Self.now)
    }

    /// Registers another LIS with the same leder, veileder and supervisors.
    func addTrainee(_ number: Int) async throws -> Trainee {
        let key = PersonKey(
            digest: Array(repeating: UInt8(0x80), count: 30) + [UInt8(number / 256), UInt8(number % 256)])
        let person = Principal(
            issuer: "https://issuer.test", subject: "lis-\(number)", personKey: key, hprNumber: nil,
            name: "LIS \(number)", securityLevel: .level4, isSupport: false)
        let trainee = try await database.registerTrainee(
            principal: person, programme: .lis1, email: nil, id: UUID(), at: Self.now)
        for (role, holder) in [
            (Role.leder, Person.leder), (.veileder, Person.veileder), (.supervisor, Person.supervisor),
        ] {
            try await grant(role, to: holder, trainee: trainee)
        }
        return trainee
    }

    static func day(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

    static func objective(_ raw: String) throws -> ObjectiveID { try ObjectiveID(raw) }

    /// `count` objectives `DEL1-001`…; the first recommends a supervisor-signed activity, the others a
    /// veileder-signed one.
    static func plan(
        version: Int = 1, objectives count: Int = 3, effectiveFrom: String = "2020-03-01", prefix: String = "DEL1"
    )
        throws -> Plan
    {
        Plan(
            key: .lis1Kommune, name: "LIS1 kommune", programmes: [.lis1], version: version,
            effectiveFrom: try day(effectiveFrom), isSample: true,
            objectives: try (1...count).map { number in
                LearningObjective(
                    id: try objective(prefix + "-" + String(format: "%03d", number)), title: "Mål \(number)",
                    description: "", theme: "Tema",
                    activities: [
                        number == 1
                            ? RecommendedActivity(
                                type: .jointConsultation, title: "Felles konsultasjon", signer: .supervisor)
                            : RecommendedActivity(type: .individualSupervision, title: "Veiledning", signer: .veileder)
                    ])
            })
    }

    /// The shipped sample catalog, parsed.
    static func sampleCatalog() throws -> [Plan] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Catalog/sample-catalog.json")
        return try CatalogImport.parseJSON(try Data(contentsOf: url))
    }

    /// The recommended activity `index` of `objective`, done on 1 November 2026.
    static func recommended(_ objective: String, index: Int = 0, note: String = "") throws -> LearningActivity.Content {
        LearningActivity.Content(
            objectiveID: try Self.objective(objective), kind: .recommended(index: index),
            performedOn: try day("2026-11-01"), note: note)
    }

    /// Assigns `plan` as the leder.
    @discardableResult
    func assign(_ plan: Plan, to trainee: Trainee? = nil) async throws -> PlanAssignment {
        try await database.assignPlan(
            plan, traineeID: (trainee ?? self.trainee).id, by: Person.leder, id: UUID(), at: Self.now)
    }

    func log() throws -> [AccessLogEntry] { try database.accessLog(traineeID: trainee.id) }
}
