import Foundation

@testable import Domain

/// Named, deterministic people, a LIS, her roles and a small plan, shared by the training tests.
enum TrainingFixture {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
    static let today = CalendarDate(now)

    static func key(_ byte: UInt8) -> PersonKey { PersonKey(digest: Array(repeating: byte, count: 32)) }

    static let lis = Principal.lis.personKey
    static let leder = key(0x11)
    static let veileder = key(0x22)
    static let supervisor = key(0x33)
    static let secondSupervisor = key(0x44)
    static let outsider = key(0x55)

    static let trainee = Trainee(
        id: UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!, personKey: lis, name: "Lise Lege",
        hprNumber: nil, programme: .lis1, email: nil, registeredAt: now)

    static func holding(_ role: Role, _ person: PersonKey, for trainee: Trainee = trainee) -> RoleAssignment {
        RoleAssignment(
            id: UUID(), traineeID: trainee.id, personKey: person, personName: "Navn", role: role, grantedAt: now,
            grantedBy: "test")
    }

    static let roles = [
        holding(.leder, leder), holding(.veileder, veileder), holding(.supervisor, supervisor),
        holding(.supervisor, secondSupervisor),
    ]

    static func objectiveID(_ raw: String) throws -> ObjectiveID { try ObjectiveID(raw) }

    static func date(_ iso: String) throws -> CalendarDate { try CalendarDate(iso: iso) }

    /// `count` objectives `DEL1-001`…; the first recommends two supervisor-signed activities, the others one
    /// veileder-signed activity.
    static func plan(key: PlanKey = .lis1Kommune, version: Int = 1, objectives count: Int = 3) throws -> Plan {
        Plan(
            key: key, name: "LIS1 kommune", programmes: [.lis1], version: version,
            effectiveFrom: try date("2020-03-01"), isSample: true,
            objectives: try (1...count).map { number in
                let id = try objectiveID("DEL1-" + String(repeating: "0", count: 3 - String(number).count) + String(number))
                let activities =
                    number == 1
                    ? [
                        RecommendedActivity(type: .jointConsultation, title: "Felles konsultasjon", signer: .supervisor),
                        RecommendedActivity(type: .eLearning, title: "E-læring", signer: .supervisor),
                    ]
                    : [RecommendedActivity(type: .individualSupervision, title: "Veiledning", signer: .veileder)]
                return LearningObjective(
                    id: id, title: "Mål \(number)", description: "", theme: "Tema", activities: activities)
            })
    }
}
