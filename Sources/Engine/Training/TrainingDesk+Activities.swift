import Domain
import Foundation
import Storage
import Synchronization

/// Learning activities and their files: the LIS records and sends, the addressee signs or rejects.
extension TrainingDesk {
    /// The LIS's activities with the names of the people they were sent to.
    package func activities(_ caller: TenantCaller, trainee: UUID) async throws
        -> (activities: [LearningActivity], names: [PersonKey: String])
    {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readProgressReport, trainee: trainee, by: caller.principal, object: "activities", at: engine.now()
            ) { reader in
                (try reader.activities(), reader.holderNames())
            }
        }
    }

    /// The LIS records an activity (a recommended one, or a documented alternative).
    package func recordActivity(_ caller: TenantCaller, trainee: UUID, _ input: ActivityInput) async throws
        -> LearningActivity
    {
        try await recordActivity(caller, trainee: trainee, input, attaching: nil)
    }

    /// The same, with a file uploaded with the activity (the page's form): stored in the activity's
    /// transaction, so a refused activity leaves no file. Only a PDF, JPEG or PNG file (by its content) within
    /// the upload limit is taken; anything else is refused before anything is written.
    package func recordActivity(
        _ caller: TenantCaller, trainee: UUID, _ input: ActivityInput, attaching file: (filename: String, bytes: [UInt8])?
    ) async throws -> LearningActivity {
        var input = input
        let attachment = try file.map { file in try Self.attachment(file.bytes, filename: file.filename, limit: engine.maxUploadBytes) }
        if let attachment { input.attachmentSha256 = attachment.reference.sha256 }
        let resolved = input
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.recordActivity(
                traineeID: trainee, by: caller.principal, id: engine.newID(), at: engine.now(), attachment: attachment
            ) { reader in
                (try Self.assignedReference(resolved.planKey, in: reader), try Self.content(resolved, reader))
            }
        }
    }

    /// A file a LIS attaches, checked: within `limit`, and a PDF, JPEG or PNG by its first bytes.
    static func attachment(_ bytes: [UInt8], filename: String, limit: Int) throws -> NewAttachment {
        guard bytes.count <= limit else { throw AttachmentError.tooLarge(limit: limit) }
        guard let type = AttachmentType.recognise(bytes) else { throw AttachmentError.typeNotAllowed }
        do {
            return try NewAttachment(bytes: bytes, filename: filename, type: type)
        } catch {
            throw ActivityError.invalid(error)
        }
    }

    /// The LIS changes a draft, or corrects a rejected activity.
    package func editActivity(_ caller: TenantCaller, trainee: UUID, activity: UUID, _ input: ActivityInput)
        async throws -> LearningActivity
    {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.editActivity(id: activity, traineeID: trainee, by: caller.principal, at: engine.now()) {
                reader in
                _ = try Self.assignedReference(input.planKey, in: reader)
                return try Self.content(input, reader)
            }
        }
    }

    /// The LIS sends the activity to a person who holds a role for them now: a supervisor or the veileder,
    /// as the activity requires (the domain checks which). Returns the activity and the addressee's name.
    package func submitActivity(
        _ caller: TenantCaller, trainee: UUID, activity: UUID, signerAssignment rawAssignment: String
    ) async throws -> (activity: LearningActivity, names: [PersonKey: String]) {
        let notice = notices(caller)
        return try await engine.store.withDatabase(caller.tenant.id) { database in
            let holder = Mutex<RoleAssignment?>(nil)
            let submitted = try await database.submitActivity(
                id: activity, traineeID: trainee, by: caller.principal, at: engine.now()
            ) { reader in
                let chosen = try Self.holder(rawAssignment, field: "signerAssignmentId", in: reader)
                let role: ActivitySigner
                switch chosen.role {
                case .supervisor: role = .supervisor
                case .veileder: role = .veileder
                default:
                    throw ValidationError(
                        field: "signerAssignmentId", reason: .notAllowed("only a supervisor or the veileder signs activities"))
                }
                holder.withLock { $0 = chosen }
                return (chosen.personKey, role)
            } notices: { submitted, reader in
                guard case .submitted(let to, _) = submitted.state else { return [] }
                return notice.waiting(.activityToSign, to: to, reader: reader)
            }
            engine.mail.tenant(caller.tenant.id)
            let names = holder.withLock { $0 }.map { [$0.personKey: $0.personName] } ?? [:]
            return (submitted, names)
        }
    }

    /// The addressee signs the activity.
    package func approveActivity(_ caller: TenantCaller, trainee: UUID, activity: UUID) async throws -> LearningActivity {
        let notice = notices(caller)
        let approved = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.approveActivity(id: activity, traineeID: trainee, by: caller.principal, at: engine.now()) {
                _, reader in notice.decided("en læringsaktivitet", "godkjent", reader: reader)
            }
        }
        engine.mail.tenant(caller.tenant.id)
        return approved
    }

    /// The addressee rejects the activity with a comment the LIS sees.
    package func rejectActivity(_ caller: TenantCaller, trainee: UUID, activity: UUID, comment: String) async throws
        -> LearningActivity
    {
        let notice = notices(caller)
        let rejected = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.rejectActivity(
                id: activity, comment: comment, traineeID: trainee, by: caller.principal, at: engine.now()
            ) { _, reader in notice.decided("en læringsaktivitet", "avvist", reader: reader) }
        }
        engine.mail.tenant(caller.tenant.id)
        return rejected
    }

    /// The LIS uploads a file for an activity. `bytes` reads the upload; it is called only once the caller is
    /// known to be allowed, so nobody else can make the server read a large body.
    package func uploadAttachment(
        _ caller: TenantCaller, trainee: UUID, filename: String, mediaType: String,
        bytes: @escaping @Sendable (_ limit: Int) async throws -> [UInt8]
    ) async throws -> AttachmentReference {
        try await engine.store.withDatabase(caller.tenant.id) { database in
            try database.check(.submitActivity, trainee: trainee, by: caller.principal)
            let data = try await bytes(engine.maxUploadBytes)
            // The type is the one the content shows; the one the client stated is not trusted.
            guard let type = AttachmentType.recognise(data) else { throw AttachmentError.typeNotAllowed }
            return try await database.storeAttachment(
                data, filename: filename, mediaType: type.rawValue, traineeID: trainee, by: caller.principal,
                at: engine.now())
        }
    }

    /// A file attached to the LIS's activities, for anyone who may read the LIS's record.
    package func attachment(_ caller: TenantCaller, trainee: UUID, sha256: String) async throws
        -> (reference: AttachmentReference, bytes: Data)
    {
        let file = try await engine.store.withDatabase(caller.tenant.id) { database in
            try await database.read(
                .readRecord, trainee: trainee, by: caller.principal, object: "attachment:\(sha256.prefix(16))",
                at: engine.now()
            ) { reader in try reader.attachment(sha256: sha256) }
        }
        guard let file else { throw TraineeError.notFound(trainee) }
        return file
    }

    // MARK: Rules shared by the steps

    /// A current role holder of the LIS by the assignment id a door received (a form field or JSON).
    static func holder(_ raw: String, field: String, in reader: TraineeReader) throws -> RoleAssignment {
        guard raw.utf8.count == 36, let id = UUID(uuidString: raw), let holder = reader.roles.first(where: { $0.id == id }) else {
            throw ValidationError(field: field, reason: .notAllowed("no current role holder of this LIS has this id"))
        }
        return holder
    }

    /// The activity's content, checked against the LIS's files.
    static func content(_ input: ActivityInput, _ reader: TraineeReader) throws -> LearningActivity.Content {
        let objective = try input.objectiveID.map { try ObjectiveID($0) }
        let kind: LearningActivity.Kind
        switch (input.recommendation, input.alternative) {
        case (let index?, nil):
            kind = .recommended(index: index)
        case (nil, let alternative?):
            guard let type = ActivityType(rawValue: alternative.type), let signer = ActivitySigner(rawValue: alternative.signer)
            else { throw ValidationError(field: "alternative", reason: .notAllowed("unknown type or signer")) }
            kind = .alternative(type: type, signer: signer, documentation: alternative.documentation)
        default:
            throw ValidationError(
                field: "recommendation", reason: .notAllowed("give either recommendation (an index) or alternative, not both"))
        }
        let attachment = try input.attachmentSha256.map { sha256 in
            guard let reference = try reader.attachmentReference(sha256: sha256) else {
                throw ValidationError(
                    field: "attachmentSha256", reason: .notAllowed("no file with this hash was uploaded for the LIS"))
            }
            return reference
        }
        return LearningActivity.Content(
            objectiveID: objective, kind: kind, performedOn: try CalendarDate(iso: input.performedOn, field: "performedOn"),
            note: input.note ?? "", attachment: attachment)
    }
}
