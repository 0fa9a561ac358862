import Crypto
import Domain
import Foundation
import GRDB

/// A row of a tenant database's `objectiveProgress` table: one LIS, one objective of one plan version.
///
/// The approval (who approved and whom they consulted, or where it was approved) is evidence and is read for
/// every objective of every LIS in an overview, so it lives in columns rather than in JSON; the history is an
/// append-only JSON array, read only when one record is shown.
struct ObjectiveProgressRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "objectiveProgress"

    var id: String
    var traineeId: String
    var planKey: String
    var planVersion: Int
    var objectiveId: String
    var state: String
    var comment: String?
    var approvedAt: Date?
    var approvedBy: String?
    var consultedVeileder: String?
    /// Person keys, comma-separated (hex never contains a comma).
    var consultedSupervisors: String?
    var importedFrom: String?
    var importedOrganisationNumber: String?
    /// A JSON array of names, as the sealed record gave them.
    var importedApprovers: String?
    var history: String
    var updatedAt: Date

    /// An approval as a history event stores it: `source` is `local` or `imported`.
    struct Approval: Codable {
        var source: String
        var at: Date
        var leder: String?
        var consultedVeileder: String?
        var consultedSupervisors: [String]?
        var tenant: String?
        var organisationNumber: String?
        var approvers: [String]?
        var planKey: String?
        var planVersion: Int?
        var objectiveId: String?
    }

    struct Event: Codable {
        var kind: String
        var by: String?
        var at: Date
        var approval: Approval?
        var comment: String?
    }

    init(_ progress: ObjectiveProgress, at now: Date) throws {
        id = progress.id.lowercasedText
        traineeId = progress.traineeID.lowercasedText
        planKey = progress.plan.key.rawValue
        planVersion = progress.plan.version
        objectiveId = progress.objectiveID.rawValue
        switch progress.state {
        case .notStarted: state = "notStarted"
        case .inProgress: state = "inProgress"
        case .submitted: state = "submitted"
        case .approved(.local(let leder, let veileder, let supervisors, let at)):
            state = "approved"
            approvedAt = at
            approvedBy = leder.hex
            consultedVeileder = veileder.hex
            consultedSupervisors = supervisors.map(\.hex).joined(separator: ",")
        case .approved(.imported(let imported)):
            state = "approved"
            approvedAt = imported.approvedAt
            importedFrom = imported.sourceTenant.rawValue
            importedOrganisationNumber = imported.organisationNumber.rawValue
            importedApprovers = try TrainingJSON.encode(imported.approverNames)
        case .rejected(let text):
            state = "rejected"
            comment = text
        }
        history = try TrainingJSON.encode(progress.history.map(Event.init))
        updatedAt = now
    }

    /// The domain value; `withHistory: false` leaves the history empty for reads that only count.
    func progress(withHistory: Bool = true, cache: ValueCache = ValueCache()) throws -> ObjectiveProgress {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let id = cache.uuid(id), let trainee = cache.uuid(traineeId) else { throw corrupt("id") }
        guard let key = cache.planKey(planKey) else { throw corrupt("planKey") }
        guard let objective = cache.objective(objectiveId) else { throw corrupt("objectiveId") }
        let state: ObjectiveProgress.State
        switch self.state {
        case "notStarted": state = .notStarted
        case "inProgress": state = .inProgress
        case "submitted": state = .submitted
        case "approved":
            state = .approved(
                try Self.approval(
                    at: approvedAt, by: approvedBy, veileder: consultedVeileder, supervisors: consultedSupervisors,
                    from: importedFrom, organisation: importedOrganisationNumber, names: importedApprovers,
                    plan: PlanReference(key: key, version: planVersion), objective: objective, cache: cache))
        case "rejected":
            guard let comment else { throw corrupt("comment") }
            state = .rejected(comment: comment)
        default: throw corrupt("state")
        }
        let events =
            withHistory
            ? try TrainingJSON.decode([Event].self, from: history, table: Self.databaseTableName, column: "history")
                .map { try $0.event() } : []
        return ObjectiveProgress(
            id: id, traineeID: trainee, plan: PlanReference(key: key, version: planVersion), objectiveID: objective,
            state: state, history: events)
    }

    /// The approval from its columns: local when it names a leder, imported when it names a tenant.
    static func approval(
        at approvedAt: Date?, by approvedBy: String?, veileder consultedVeileder: String?,
        supervisors consultedSupervisors: String?, from importedFrom: String?, organisation: String?, names: String?,
        plan: PlanReference, objective: ObjectiveID, cache: ValueCache
    ) throws -> ObjectiveApproval {
        let corrupt = { (column: String) in StorageError.corruptRow(table: Self.databaseTableName, column: column) }
        guard let approvedAt else { throw corrupt("approvedAt") }
        if let approvedBy {
            guard let leder = cache.person(approvedBy) else { throw corrupt("approvedBy") }
            guard let veileder = consultedVeileder.flatMap(cache.person) else { throw corrupt("consultedVeileder") }
            guard let supervisors = consultedSupervisors.flatMap(cache.people), !supervisors.isEmpty else {
                throw corrupt("consultedSupervisors")
            }
            return .local(leder: leder, consultedVeileder: veileder, consultedSupervisors: supervisors, at: approvedAt)
        }
        guard let tenant = importedFrom.flatMap({ try? TenantID($0) }) else { throw corrupt("importedFrom") }
        guard let number = organisation.flatMap({ try? OrganisationNumber($0) }) else {
            throw corrupt("importedOrganisationNumber")
        }
        let approvers = try TrainingJSON.decode(
            [String].self, from: names ?? "", table: Self.databaseTableName, column: "importedApprovers")
        return .imported(
            ImportedApproval(
                sourceTenant: tenant, organisationNumber: number, approverNames: approvers, approvedAt: approvedAt,
                plan: plan, objectiveID: objective))
    }

    /// The row's id, derived from what identifies it (LIS, plan version, objective), so that opening the
    /// record is idempotent and needs no id from the caller.
    static func id(trainee: UUID, plan: PlanReference, objective: ObjectiveID) -> UUID {
        let name = "\(trainee.lowercasedText)|\(plan.key.rawValue)|\(plan.version)|\(objective.rawValue)"
        var bytes = Array(SHA256.hash(data: Array(name.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // version 8: name-based, custom hash
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// The LIS's progress on an objective of a plan, or a fresh `notStarted` one when there is none yet.
    static func fetchOrOpen(
        _ db: Database, trainee: Trainee, plan: Plan, objective: ObjectiveID
    ) throws
        -> ObjectiveProgress
    {
        let id = Self.id(trainee: trainee.id, plan: plan.reference, objective: objective)
        if let stored = try ObjectiveProgressRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM objectiveProgress WHERE id = ?"), arguments: [id.lowercasedText])
        {
            return try stored.progress()
        }
        return try ObjectiveProgress.open(objective, in: plan, for: trainee, id: id)
    }

    /// Puts the objective in progress when an activity is the first work on it (`ObjectiveProgress.start`).
    /// The row is read without its history first: for every activity after the first, starting changes
    /// nothing, and decoding the history only to find that out was a tenth of recording an activity.
    static func start(
        _ db: Database, trainee: Trainee, plan: Plan, objective: ObjectiveID, by person: PersonKey, at now: Date
    ) throws {
        let id = Self.id(trainee: trainee.id, plan: plan.reference, objective: objective)
        if let summary = try summaries(db, where: "id = ?", arguments: [id.lowercasedText]).first,
            summary.start(by: person, at: now) == summary
        {
            return
        }
        let progress = try fetchOrOpen(db, trainee: trainee, plan: plan, objective: objective)
        try save(db, progress.start(by: person, at: now), previous: progress, at: now)
    }

    /// Writes the progress (insert or update) when it changed.
    static func save(_ db: Database, _ progress: ObjectiveProgress, previous: ObjectiveProgress?, at now: Date) throws {
        guard progress != previous else { return }
        try ObjectiveProgressRecord(progress, at: now).upsert(db)
    }
}

extension ObjectiveProgressRecord.Approval {
    init(_ approval: ObjectiveApproval) {
        switch approval {
        case .local(let leder, let veileder, let supervisors, let at):
            source = "local"
            self.at = at
            self.leder = leder.hex
            consultedVeileder = veileder.hex
            consultedSupervisors = supervisors.map(\.hex)
        case .imported(let imported):
            source = "imported"
            at = imported.approvedAt
            tenant = imported.sourceTenant.rawValue
            organisationNumber = imported.organisationNumber.rawValue
            approvers = imported.approverNames
            planKey = imported.plan.key.rawValue
            planVersion = imported.plan.version
            objectiveId = imported.objectiveID.rawValue
        }
    }

    func approval() throws -> ObjectiveApproval {
        let corrupt = StorageError.corruptRow(table: ObjectiveProgressRecord.databaseTableName, column: "approval")
        switch source {
        case "local":
            guard let leder = leder.flatMap({ try? PersonKey(hex: $0) }),
                let veileder = consultedVeileder.flatMap({ try? PersonKey(hex: $0) }),
                let supervisors = consultedSupervisors?.map({ try? PersonKey(hex: $0) }), !supervisors.contains(nil)
            else { throw corrupt }
            return .local(
                leder: leder, consultedVeileder: veileder, consultedSupervisors: supervisors.compactMap { $0 }, at: at)
        case "imported":
            guard let tenant = tenant.flatMap({ try? TenantID($0) }),
                let organisation = organisationNumber.flatMap({ try? OrganisationNumber($0) }), let approvers,
                let key = planKey.flatMap({ try? PlanKey($0) }), let planVersion,
                let objective = objectiveId.flatMap({ try? ObjectiveID($0) })
            else { throw corrupt }
            return .imported(
                ImportedApproval(
                    sourceTenant: tenant, organisationNumber: organisation, approverNames: approvers, approvedAt: at,
                    plan: PlanReference(key: key, version: planVersion), objectiveID: objective))
        default: throw corrupt
        }
    }
}

extension ObjectiveProgressRecord.Event {
    init(_ event: ObjectiveEvent) {
        by = event.by?.hex
        at = event.at
        switch event.kind {
        case .started: kind = "started"
        case .submitted: kind = "submitted"
        case .approved(let given):
            kind = "approved"
            approval = ObjectiveProgressRecord.Approval(given)
        case .rejected(let text):
            kind = "rejected"
            comment = text
        case .approvalRevoked(let reason):
            kind = "approvalRevoked"
            comment = reason
        }
    }

    func event() throws -> ObjectiveEvent {
        let corrupt = StorageError.corruptRow(table: ObjectiveProgressRecord.databaseTableName, column: "history")
        let person = try by.map { hex in
            guard let key = try? PersonKey(hex: hex) else { throw corrupt }
            return key
        }
        let kind: ObjectiveEvent.Kind
        switch (self.kind, approval, comment) {
        case ("started", _, _): kind = .started
        case ("submitted", _, _): kind = .submitted
        case ("approved", let given?, _): kind = .approved(try given.approval())
        case ("rejected", _, let text?): kind = .rejected(comment: text)
        case ("approvalRevoked", _, let text?): kind = .approvalRevoked(reason: text)
        default: throw corrupt
        }
        return ObjectiveEvent(kind: kind, by: person, at: at)
    }
}
