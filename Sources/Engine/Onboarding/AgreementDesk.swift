import Crypto
import Domain
import Foundation
import Identity
import Storage

/// Support's agreement work, shared by the API handlers and `kp agreement …`: each method takes the
/// vendor's caller (so no one else reaches it), checks, lets the domain decide, writes in one registry
/// transaction, and wakes the mail worker.
package struct AgreementDesk: Sendable {
    let engine: Engine

    package func inviteAdministrator(
        _ id: TenantID, name: String, email: String, organisationNumber: String?, legalName: String? = nil,
        by caller: PlatformCaller
    ) async throws -> AdministratorInvitation {
        let actor = caller.actor
        let number = try organisationNumber.map { try OrganisationNumber($0) }
        let token = OneTimeSecret.random()
        let (invitationID, mailID, now) = (engine.newID(), engine.newID(), engine.now())
        let baseURL = engine.publicBaseURL
        let invitation = try await engine.registry.inviteAdministrator(
            id, organisationNumber: number, legalName: legalName, actor: actor, at: now,
            decide: { tenant in
                try AdministratorInvitation.create(
                    tenant: tenant, name: name, email: email, invitedBy: actor, tokenHash: OneTimeSecret.hash(token),
                    id: invitationID, at: now)
            },
            mail: { tenant, invitation in
                AgreementMail.administratorInvitation(invitation, tenant: tenant, token: token, baseURL: baseURL, id: mailID)
            })
        engine.mail.registry()
        return invitation
    }

    /// Registers a scanned paper agreement: the PDF is checked by content, kept under its SHA-256, and
    /// recorded as signed (awaiting countersignature). A kommune whose organisation number the registry
    /// lacks needs it for the agreement's text: `organisationNumber` records it first (its own audit entry;
    /// it stays recorded if the agreement is then refused, as it is a fact about the kommune).
    package func registerPaper(
        _ id: TenantID, templateVersion: String, signerName rawSigner: String, pdf bytes: [UInt8],
        organisationNumber: String? = nil, by caller: PlatformCaller
    ) async throws -> StoredAgreement {
        let actor = caller.actor
        var tenant = try engine.registry.requireTenant(id)
        try PaperScan.validatePDF(bytes)
        let scan = PaperScan(sha256: SHA256.hash(data: bytes).hexEncoded, bytes: bytes.count)
        let now = engine.now()
        let catalogue = try engine.contracts.catalogue()
        let current = try catalogue.currentTemplate(on: now.isoDay)
        guard let template = catalogue.template(templateVersion) else { throw AgreementError.unknownVersion(templateVersion) }
        let signerName = try Tenant.validName(rawSigner, field: "signerName")
        if let organisationNumber, tenant.organisationNumber == nil {
            let number = try OrganisationNumber(organisationNumber)
            tenant = try await engine.registry.recordOrganisationNumber(number, of: id, actor: actor, at: engine.now())
        }
        let draft = try catalogue.draft(template, tenant: tenant, signer: signerName)
        // The file first (named by its hash, so a retry writes the same file), then the record.
        let folder = engine.directory.agreementsFolder(for: id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("\(scan.sha256).pdf")
        let existed = FileManager.default.fileExists(atPath: file.path)
        if !existed { try Data(bytes).write(to: file, options: [.atomic]) }
        let agreementID = engine.newID()
        do {
            let (_, agreement) = try await engine.registry.recordSignature(
                tenant: id, document: draft.document, actor: actor, at: now
            ) { tenant, existing in
                try Agreement.fromPaper(
                    template: template, current: current, fields: draft.fields, documentHash: draft.documentHash,
                    signerName: signerName, scan: scan, tenant: tenant, existing: existing, id: agreementID, at: now)
            }
            return StoredAgreement(agreement: agreement, document: draft.document, sealed: nil)
        } catch {
            if !existed { try? FileManager.default.removeItem(at: file) }
            throw error
        }
    }

    /// Countersigns and seals; provisions the tenant's database first if it has none (only once the
    /// agreement is known to be awaiting countersignature, so a refused request creates nothing).
    /// A logged-in support person countersigns in their own name; an operator at the shell names
    /// themselves (`name`), marked as support.
    package func countersign(_ id: UUID, name operatorName: String? = nil, by caller: PlatformCaller)
        async throws -> StoredAgreement
    {
        let actor = caller.actor
        let stored = try engine.registry.storedAgreement(id)
        let name = caller.principal?.name ?? "\(operatorName ?? caller.actor) (brukerstøtte)"
        let signature = AgreementSignature(
            personKey: caller.principal?.personKey, name: name, hprNumber: nil,
            securityLevel: caller.principal?.securityLevel, at: engine.now())
        _ = try stored.agreement.countersigned(by: signature)
        let tenant = try engine.registry.requireTenant(stored.agreement.tenantID)
        if !tenant.isProvisioned {
            _ = try await engine.provisioner.provision(tenant.id, actor: actor, at: engine.now())
        }
        let seal = engine.seal
        let newID = engine.newID
        let baseURL = engine.publicBaseURL
        let (_, countersigned) = try await engine.registry.countersign(
            id, by: signature, actor: actor, at: engine.now(),
            seal: { agreement, tenant, document in
                try seal.seal(kind: "databehandleravtale", content: Self.sealContent(agreement, tenant: tenant, document: document))
            },
            confirmation: { tenant, agreement, sealed, recipient in
                AgreementMail.countersigned(
                    tenant: tenant, agreement: agreement, sealed: sealed, document: stored.document, recipient: recipient,
                    baseURL: baseURL, id: newID())
            })
        engine.mail.registry()
        return countersigned
    }

    /// Termination by the processor (databehandler), that is the vendor, or recorded by the vendor on the
    /// controller's written instruction.
    package func terminate(
        _ id: TenantID, noticeDate: String, reason: String?, onControllersInstruction: Bool = false,
        by caller: PlatformCaller
    ) async throws -> Tenant {
        try await terminate(
            id, noticeDate: noticeDate, reason: reason,
            party: onControllersInstruction ? "behandlingsansvarlig" : "databehandler", actor: caller.actor)
    }

    /// Termination by either party: the notice date must be today or later and within a year.
    func terminate(_ id: TenantID, noticeDate: String, reason rawReason: String?, party: String, actor: String)
        async throws -> Tenant
    {
        let now = engine.now()
        let closesAt = try Self.noticeDate(noticeDate, now: now)
        let reason = rawReason?.trimmingWhitespace()
        if let reason, reason.count > 1000 { throw ValidationError(field: "reason", reason: .tooLong(max: 1000)) }
        let newID = engine.newID
        let tenant = try await engine.registry.terminate(
            id, closesAt: closesAt, party: party, reason: reason?.isEmpty == false ? reason : nil, actor: actor, at: now
        ) { tenant, recipient in
            AgreementMail.terminated(tenant: tenant, party: party, recipient: recipient, id: newID())
        }
        engine.mail.registry()
        try await noticeTrainees(of: tenant)
        return tenant
    }

    /// Tells every LIS of the tenant, and their leder, when the portal closes and how the LIS takes their
    /// sealed record along. The registry's termination is committed first and a tenant file cannot join
    /// its transaction, so a failure here is logged for the operator and reported, never silently lost.
    func noticeTrainees(of tenant: Tenant) async throws {
        guard tenant.isProvisioned, let closesAt = tenant.closesAt else { return }
        let (newID, baseURL) = (engine.newID, engine.publicBaseURL)
        do {
            let count = try await engine.store.withDatabase(tenant.id) { database in
                let registry = engine.registry
                return try await database.queueTerminationNotices(
                    at: engine.now(),
                    knownEmail: { key in
                        // A registry that cannot be read leaves the LIS without a notice, never the others.
                        guard let person = try? registry.person(key) else { return nil }
                        return person.email
                    }
                ) { recipient in
                    AgreementMail.terminationNotice(
                        tenant: tenant, closesAt: closesAt, recipient: recipient, baseURL: baseURL, id: newID())
                }
            }
            engine.mail.tenant(tenant.id)
            engine.logger.info("termination notices queued", metadata: ["tenant": "\(tenant.id)", "count": "\(count)"])
        } catch {
            engine.logger.error(
                "termination notices not queued", metadata: ["tenant": "\(tenant.id)", "error": "\(type(of: error))"])
            throw error
        }
    }

    package func approveRegistration(_ id: UUID, by caller: PlatformCaller) async throws -> (Registration, Tenant) {
        let actor = caller.actor
        let mailID = engine.newID()
        let result = try await engine.registry.approveRegistration(id, actor: actor, at: engine.now()) {
            AgreementMail.registrationDecided($0, id: mailID)
        }
        engine.mail.registry()
        return result
    }

    package func rejectRegistration(_ id: UUID, reason: String, by caller: PlatformCaller) async throws -> Registration {
        let actor = caller.actor
        let mailID = engine.newID()
        let registration = try await engine.registry.rejectRegistration(
            id, reason: reason, actor: actor, at: engine.now()) { AgreementMail.registrationDecided($0, id: mailID) }
        engine.mail.registry()
        return registration
    }

    /// The operator returns a terminated tenant's data for the controller (`kp agreement return-data`).
    package func returnData(_ id: TenantID, by caller: PlatformCaller) async throws -> SealedDocument {
        try await engine.returnTenantData(id, actor: caller.actor)
    }

    /// How many LIS have not taken their sealed record since the termination (`kp agreement delete-data`
    /// shows it before asking for the confirmation).
    package func deletionCheck(_ id: TenantID, by caller: PlatformCaller) async throws -> DeletionCheck {
        try await engine.deletionCheck(id)
    }

    /// The operator deletes a terminated tenant's data for the controller, confirming the number of LIS who
    /// have not taken their record.
    package func deleteData(_ id: TenantID, confirmNotTaken: Int?, by caller: PlatformCaller) async throws
        -> SealedDocument
    {
        try await engine.deleteTenantData(id, confirmingNotTaken: confirmNotTaken, actor: caller.actor)
    }

    // MARK: Reads

    /// Every agreement of one tenant, newest first.
    package func agreements(of id: TenantID, by caller: PlatformCaller) throws -> [StoredAgreement] {
        let tenant = try engine.registry.requireTenant(id)
        return try engine.registry.agreements(of: tenant.id)
    }

    /// Agreements signed by a tenant and waiting for the vendor's countersignature.
    package func awaitingCountersignature(by caller: PlatformCaller) throws -> [StoredAgreement] {
        try engine.registry.awaitingCountersignature()
    }

    /// Tenants with an agreement in force that have not signed `version` (default: the current template).
    package func tenantsNotOnVersion(_ requested: String?, by caller: PlatformCaller) throws
        -> (version: String, tenants: [(tenant: Tenant, inForce: String)])
    {
        let catalogue = try engine.contracts.catalogue()
        let version: String
        if let requested {
            guard catalogue.template(requested) != nil else { throw AgreementError.unknownVersion(requested) }
            version = requested
        } else {
            version = try catalogue.currentTemplate(on: engine.now().isoDay).version
        }
        return (version, try engine.registry.tenantsNotOnVersion(version))
    }

    /// Registrations of private virksomheter, optionally in one state.
    package func registrations(state: Registration.State?, by caller: PlatformCaller) throws -> [Registration] {
        try engine.registry.registrations(state: state)
    }

    /// `yyyy-MM-dd` → the start of that day (UTC); today or later, at most a year ahead.
    static func noticeDate(_ raw: String, now: Date) throws -> Date {
        let parts = raw.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { throw ValidationError(field: "noticeDate", reason: .notAllowed("must be a date yyyy-MM-dd")) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)), date.isoDay == raw
        else { throw ValidationError(field: "noticeDate", reason: .notAllowed("must be a date yyyy-MM-dd")) }
        guard raw >= now.isoDay else { throw AgreementError.noticeDateInPast }
        guard date <= now.addingTimeInterval(366 * 86_400) else { throw AgreementError.noticeDateTooFar }
        return date
    }

    /// What the seal covers: the tenant, the template, the fields, the exact document and both signatures.
    static func sealContent(_ agreement: Agreement, tenant: Tenant, document: String) -> JSONValue {
        func signature(_ signature: AgreementSignature?) -> JSONValue {
            guard let signature else { return .null }
            return .object([
                "name": .string(signature.name), "hprNumber": signature.hprNumber.map(JSONValue.string) ?? .null,
                "securityLevel": signature.securityLevel.map { .int($0.rawValue) } ?? .null,
                "at": .string(AuditLog.timestamp(signature.at)),
            ])
        }
        return .object([
            "agreementId": .string(agreement.id.lowercasedText),
            "tenant": .object([
                "id": .string(tenant.id.rawValue), "name": .string(tenant.name),
                "organisationNumber": tenant.organisationNumber.map { .string($0.rawValue) } ?? .null,
            ]),
            "template": .object(["version": .string(agreement.templateVersion), "sha256": .string(agreement.templateHash)]),
            "fields": .object(agreement.fields.mapValues(JSONValue.string)),
            "document": .string(document),
            "documentSha256": .string(agreement.documentHash),
            "channel": .string(agreement.channel.rawValue),
            "scanSha256": agreement.scan.map { .string($0.sha256) } ?? .null,
            "controllerSignature": signature(agreement.signature),
            "processorSignature": signature(agreement.countersignature),
        ])
    }
}
