import Domain
import Foundation

/// Fills one tenant with LIS on a plan, their role holders and realistic progress, for benchmarks and demos.
///
/// Every change goes through the storage verbs the API calls (register, grant, assign, record, submit,
/// sign, approve, talks), so each one is authorized, decided in Domain and written with its access-log line
/// exactly as the app would write it: a benchmark on this data measures what production data will cost.
///
/// The shape of each LIS follows from `seed` and the LIS's position alone, so the same seed gives the same
/// progress however many LIS are seeded; identifiers are random.
package struct TrainingSeeder: Sendable {
    /// What was written, for the command's summary and the tests.
    package struct Counts: Sendable, Equatable {
        package var trainees = 0
        /// The first LIS was registered before (by a login) and taken as is.
        package var traineesReused = 0
        package var roles = 0
        package var objectivesApproved = 0
        package var objectivesSubmitted = 0
        package var objectivesInProgress = 0
        package var activities = 0
        package var activitiesSigned = 0
        package var talksFinalised = 0
        /// Calls of storage verbs, each one transaction.
        package var transactions = 0

        package init() {}
    }

    /// Why seeding could not start or go on.
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case invalidSize(String)
        /// A synthetic LIS is there already: this tenant was seeded before.
        case alreadySeeded
        case firstTraineeNotLIS1
        case firstTraineeHasProgress
        /// The role is held for the first LIS by someone other than the person the seed names.
        case roleTaken(Role)
        case planNotAssigned(PlanReference)

        package var description: String {
            switch self {
            case .invalidSize(let detail): detail
            case .alreadySeeded: "this tenant has seeded LIS already (seed a fresh tenant)"
            case .firstTraineeNotLIS1: "the first LIS is registered here, but not for LIS1"
            case .firstTraineeHasProgress: "the first LIS is registered here and has training progress already"
            case .roleTaken(let role): "another person is \(role.rawValue) of the first LIS already"
            case .planNotAssigned(let plan): "plan \(plan) could not be assigned"
            }
        }
    }

    /// Where an objective of a LIS ends up.
    private enum Outcome {
        case approved, submitted, inProgress
    }

    package let traineeCount: Int
    package let perLeder: Int
    package let seed: UInt64

    package init(trainees: Int, perLeder: Int, seed: UInt64) throws(Failure) {
        guard trainees >= 1 else { throw .invalidSize("at least one LIS") }
        guard perLeder >= 1 else { throw .invalidSize("at least one LIS per leder") }
        self.traineeCount = trainees
        self.perLeder = perLeder
        self.seed = seed
    }

    /// Seeds `database` with `traineeCount` LIS1 on `plan` (the version in force, read from the registry by
    /// the caller); `progress` is told after each LIS.
    package func run(
        into database: TenantDatabase, plan: Plan, tenantKind: TenantKind, people: People, at now: Date,
        progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> Counts {
        if traineeCount > 1, try database.trainee(personKey: people.personKey(Self.label(.lis, 1))) != nil {
            throw Failure.alreadySeeded
        }
        var counts = Counts()
        for index in 0..<traineeCount {
            try await seedTrainee(index, into: database, plan: plan, tenantKind: tenantKind, people: people, at: now,
                counts: &counts)
            progress(index + 1)
        }
        return counts
    }

    // MARK: One LIS

    private func seedTrainee(
        _ index: Int, into database: TenantDatabase, plan catalogPlan: Plan, tenantKind: TenantKind, people: People,
        at now: Date, counts: inout Counts
    ) async throws {
        var random = SeededGenerator(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        let lis = index == 0 ? people.lis : synthetic(.lis, index, people)
        let leder = index < perLeder ? people.leder : synthetic(.leder, index / perLeder, people)
        let veileder = synthetic(.veileder, index / 10, people)
        let supervisor = synthetic(.supervisor, index / 5, people)

        // The shape: a share of the plan approved, a few objectives with the leder, a few being worked on.
        let objectiveCount = catalogPlan.objectives.count
        let approved = Int.random(in: 0...(objectiveCount * 9 / 10), using: &random)
        let submitted = min(Int.random(in: 0...4, using: &random), objectiveCount - approved)
        let inProgress = min(Int.random(in: 1...8, using: &random), objectiveCount - approved - submitted)
        let order = catalogPlan.objectives.shuffled(using: &random)
        let worked: [(LearningObjective, Outcome)] =
            order.prefix(approved).map { ($0, .approved) }
            + order.dropFirst(approved).prefix(submitted).map { ($0, .submitted) }
            + order.dropFirst(approved + submitted).prefix(inProgress).map { ($0, .inProgress) }
        let talks = 1 + approved / 30

        // The timeline: a LIS further on started longer ago; every change a little later than the one before.
        let days = Double(30 + approved * 4)
        let start = now.addingTimeInterval(-days * 86_400)
        var clock = Timeline(start: start, end: now.addingTimeInterval(-3600), steps: 8 + worked.count * 7 + talks * 4)

        let trainee = try await register(lis, index: index, database: database, at: clock.next(), counts: &counts)
        try await grant(
            [(.leder, leder), (.veileder, veileder), (.supervisor, supervisor)], trainee: trainee, database: database,
            at: clock.next(), counts: &counts)
        let plan = try await assign(
            catalogPlan, trainee: trainee, leder: leder, tenantKind: tenantKind, database: database, at: clock.next(),
            counts: &counts)

        let talkAfter = Set((1...talks).map { $0 * worked.count / (talks + 1) })
        var talksHeld = 0
        for (position, (objective, outcome)) in worked.enumerated() {
            let activities =
                outcome == .inProgress ? Int.random(in: 1...3, using: &random) : Int.random(in: 0...3, using: &random)
            for number in 0..<activities {
                // Approved and submitted objectives rest on signed work; one being worked on may have its last
                // activity still a draft or waiting for a signature.
                let last = number == activities - 1
                let sign = outcome != .inProgress || !last && Bool.random(using: &random)
                let send = sign || Bool.random(using: &random)
                try await activity(
                    objective, plan: plan, trainee: trainee, lis: lis, veileder: veileder, supervisor: supervisor,
                    send: send, sign: sign, random: &random, clock: &clock, database: database, counts: &counts)
            }
            if outcome != .inProgress {
                _ = try await database.submitObjective(
                    objective.id, plan: plan.reference, traineeID: trainee.id, by: lis, at: clock.next())
                counts.transactions += 1
            }
            if outcome == .approved {
                _ = try await database.approveObjective(
                    objective.id, plan: plan.reference, traineeID: trainee.id,
                    consultedVeileder: veileder.personKey, consultedSupervisors: [supervisor.personKey], by: leder,
                    at: clock.next())
                counts.transactions += 1
            }
            switch outcome {
            case .approved: counts.objectivesApproved += 1
            case .submitted: counts.objectivesSubmitted += 1
            case .inProgress: counts.objectivesInProgress += 1
            }
            if talkAfter.contains(position), talksHeld < talks {
                try await talk(
                    talksHeld, trainee: trainee, lis: lis, veileder: veileder, clock: &clock, database: database,
                    counts: &counts)
                talksHeld += 1
            }
        }
        while talksHeld < talks {
            try await talk(
                talksHeld, trainee: trainee, lis: lis, veileder: veileder, clock: &clock, database: database,
                counts: &counts)
            talksHeld += 1
        }
    }

    /// Registers the LIS, or takes the first LIS as a login registered them, if they have no progress yet.
    private func register(
        _ lis: Principal, index: Int, database: TenantDatabase, at time: Date, counts: inout Counts
    ) async throws -> Trainee {
        counts.trainees += 1
        if index == 0, let existing = try database.trainee(personKey: lis.personKey) {
            guard existing.programme == .lis1 else { throw Failure.firstTraineeNotLIS1 }
            guard try database.objectiveProgress(traineeID: existing.id).isEmpty,
                try database.activities(traineeID: existing.id).isEmpty
            else { throw Failure.firstTraineeHasProgress }
            counts.traineesReused += 1
            return existing
        }
        counts.transactions += 1
        return try await database.registerTrainee(principal: lis, programme: .lis1, email: nil, id: UUID(), at: time)
    }

    /// Grants the roles the LIS does not have from these people yet (the first LIS may have a leder already).
    private func grant(
        _ holders: [(Role, Principal)], trainee: Trainee, database: TenantDatabase, at time: Date,
        counts: inout Counts
    ) async throws {
        let current = try database.roleAssignments(traineeID: trainee.id)
        for (role, person) in holders {
            if current.contains(where: { $0.role == role && $0.personKey == person.personKey }) { continue }
            if role.isSingleton, current.contains(where: { $0.role == role }) { throw Failure.roleTaken(role) }
            _ = try await database.grantRole(
                role, to: person, traineeID: trainee.id, grantedBy: "seed:kp-dev", id: UUID(), at: time)
            counts.roles += 1
            counts.transactions += 1
        }
    }

    /// The plan as the app assigns it: automatically once the leder is there (a LIS1 in a kommune), else by
    /// the leder. Returns the version the LIS is on.
    private func assign(
        _ plan: Plan, trainee: Trainee, leder: Principal, tenantKind: TenantKind, database: TenantDatabase,
        at time: Date, counts: inout Counts
    ) async throws -> Plan {
        _ = try await database.ensureAutomaticPlans(
            traineeID: trainee.id, plansInForce: [plan], tenantKind: tenantKind, newID: { UUID() }, at: time)
        counts.transactions += 1
        var live = try database.planAssignments(traineeID: trainee.id).first {
            $0.plan.key == plan.key && $0.state != .archived
        }
        if live == nil {
            live = try await database.assignPlan(plan, traineeID: trainee.id, by: leder, id: UUID(), at: time)
            counts.transactions += 1
        }
        guard let reference = live?.plan, let assigned = try database.assignedPlan(reference) else {
            throw Failure.planNotAssigned(plan.reference)
        }
        return assigned
    }

    /// Records one activity for `objective`; sends it to its signer and has it signed when asked to.
    private func activity(
        _ objective: LearningObjective, plan: Plan, trainee: Trainee, lis: Principal, veileder: Principal,
        supervisor: Principal, send: Bool, sign: Bool, random: inout SeededGenerator, clock: inout Timeline,
        database: TenantDatabase, counts: inout Counts
    ) async throws {
        let recordedAt = clock.next()
        let kind: LearningActivity.Kind =
            objective.activities.isEmpty
            ? .alternative(type: .other, signer: .supervisor, documentation: "Klinisk arbeid under supervisjon.")
            : .recommended(index: Int.random(in: objective.activities.indices, using: &random))
        let note = Self.notes[Int.random(in: Self.notes.indices, using: &random)]
        let content = LearningActivity.Content(
            objectiveID: objective.id, kind: kind, performedOn: CalendarDate(recordedAt.addingTimeInterval(-86_400)),
            note: note)
        let recorded = try await database.recordActivity(
            content, plan: plan.reference, traineeID: trainee.id, by: lis, id: UUID(), at: recordedAt)
        counts.activities += 1
        counts.transactions += 1
        guard send else { return }
        let signer = recorded.signer == .veileder ? veileder : supervisor
        _ = try await database.submitActivity(
            id: recorded.id, to: signer.personKey, role: recorded.signer, traineeID: trainee.id, by: lis,
            at: clock.next())
        counts.transactions += 1
        guard sign else { return }
        _ = try await database.approveActivity(id: recorded.id, traineeID: trainee.id, by: signer, at: clock.next())
        counts.activitiesSigned += 1
        counts.transactions += 1
    }

    /// A supervision talk from plan to finalised minutes: the veileder plans it, the LIS prepares, the
    /// veileder writes the minutes and finalises. It is dated the day of the minutes, since a talk cannot be
    /// finalised before its day.
    private func talk(
        _ number: Int, trainee: Trainee, lis: Principal, veileder: Principal, clock: inout Timeline,
        database: TenantDatabase, counts: inout Counts
    ) async throws {
        let (planned, prepared, minuted, finalised) = (clock.next(), clock.next(), clock.next(), clock.next())
        let talk = try await database.createTalk(
            traineeID: trainee.id, date: CalendarDate(minuted), topic: Self.topics[number % Self.topics.count],
            by: veileder, id: UUID(), at: planned)
        _ = try await database.writeTalkPreparation(
            id: talk.id, traineeID: trainee.id, text: "Hva har gått bra, og hva vil jeg øve mer på?", by: lis,
            at: prepared)
        _ = try await database.writeTalkMinutes(
            id: talk.id, traineeID: trainee.id, text: "Gjennomgått fremdrift og plan for neste periode.",
            by: veileder, at: minuted)
        _ = try await database.finaliseTalk(id: talk.id, traineeID: trainee.id, by: veileder, at: finalised)
        counts.talksFinalised += 1
        counts.transactions += 4
    }

    private static let notes = ["", "", "", "Legevakt, kveldsvakt.", "Sammen med fastlegen.", "Se vedlagt refleksjon."]
    private static let topics = [
        "Oppstart og mål for perioden", "Fremdrift i læringsmålene", "Vanskelige konsultasjoner",
        "Plan for siste del av LIS1",
    ]
}
