import Domain
import Foundation

extension TenantError: ErrorExamples {
    static var allExamples: [TenantError] {
        let id = ExampleValues.tenant
        return [
            .unknown(id), .alreadyExists(id), .organisationNumberTaken(ExampleValues.organisationNumber),
            .agreementRequired(id, status: .registered), .suspended(id), .terminated(id, closedAt: nil),
            .terminated(id, closedAt: Date(timeIntervalSince1970: 1_800_000_000)), .notProvisioned(id),
            .alreadyProvisioned(id), .transitionNotAllowed(id, from: .active, transition: "resume"), .schemaTooNew(id),
            .storageUnavailable(id), .maintenance(id),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .unknown, .alreadyExists, .organisationNumberTaken, .agreementRequired, .suspended, .terminated,
            .notProvisioned, .alreadyProvisioned, .transitionNotAllowed, .schemaTooNew, .storageUnavailable,
            .maintenance:
            ()
        }
    }
}

extension TraineeError: ErrorExamples {
    static var allExamples: [TraineeError] {
        [.alreadyRegistered(ExampleValues.person), .notRegistered, .notFound(ExampleValues.person),
         .invalid(ExampleValues.validation)]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .alreadyRegistered, .notRegistered, .notFound, .invalid: ()
        }
    }
}

extension ValidationError: ErrorExamples {
    static var allExamples: [ValidationError] {
        [
            .missing, .wrongLength(expected: 9), .tooLong(max: 200), .notDigits, .badCheckDigit, .illegalCharacters,
            .unknownKommunenummer, .notAllowed("must be a file name, not a path"),
        ].map { ValidationError(field: "organisationNumber", reason: $0) }
    }

    private static func listed(_ reason: Reason) {
        switch reason {
        case .missing, .wrongLength, .tooLong, .notDigits, .badCheckDigit, .illegalCharacters, .unknownKommunenummer,
            .notAllowed:
            ()
        }
    }
}

extension InvitationError: ErrorExamples {
    static var allExamples: [InvitationError] {
        [
            .unknown, .expired(at: Date(timeIntervalSince1970: 1_800_000_000)), .revoked, .alreadyUsed,
            .nothingToReplace(.leder), .role(.roleTaken(.veileder)), .invalid(ExampleValues.validation),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .unknown, .expired, .revoked, .alreadyUsed, .nothingToReplace, .role, .invalid: ()
        }
    }
}

extension RoleError: ErrorExamples {
    static var allExamples: [RoleError] {
        [.roleTaken(.leder), .alreadyHeld(.supervisor), .ownRole, .notAPerTraineeRole(.support)]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .roleTaken, .alreadyHeld, .ownRole, .notAPerTraineeRole: ()
        }
    }
}

extension AccessDenied: ErrorExamples {
    static var allExamples: [AccessDenied] { [AccessDenied(operation: .approveObjective, roles: [.supervisor])] }
}

extension AccessError: ErrorExamples {
    static var allExamples: [AccessError] { [.supportOnly, .supportAccessRequired] }

    private static func listed(_ error: Self) {
        switch error {
        case .supportOnly, .supportAccessRequired: ()
        }
    }
}

extension AvailabilityError: ErrorExamples {
    static var allExamples: [AvailabilityError] { [.registryUnavailable] }

    private static func listed(_ error: Self) {
        switch error {
        case .registryUnavailable: ()
        }
    }
}

extension RecordError: ErrorExamples {
    static var allExamples: [RecordError] { [.sealInvalid, .sameTenant, .anotherPerson] }

    private static func listed(_ error: Self) {
        switch error {
        case .sealInvalid, .sameTenant, .anotherPerson: ()
        }
    }
}

extension RegistrationError: ErrorExamples {
    static var allExamples: [RegistrationError] {
        [.unknown, .alreadyDecided(.approved), .reasonRequired, .reasonTooLong, .pendingExists, .organisationNumberTaken]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .unknown, .alreadyDecided, .reasonRequired, .reasonTooLong, .pendingExists, .organisationNumberTaken: ()
        }
    }
}

extension AgreementError: ErrorExamples {
    static var allExamples: [AgreementError] {
        [
            .securityLevelTooLow(.level3), .notAdministrator(ExampleValues.tenant),
            .supersededVersion(requested: "v1", current: "v2"), .unknownVersion("v9"), .documentMismatch,
            .alreadySigned(version: "v1"), .awaitingCountersignature, .alreadyCountersigned,
            .notAwaitingCountersignature, .unknownAgreement, .templateRefused(version: "v1", reason: "hash differs"),
            .noTemplate, .noAgreementInForce, .notTerminated, .alreadyTerminated,
            .stillInNoticePeriod(closesOn: "2027-01-31"),
            .noticeDateInPast, .noticeDateTooFar, .dataAlreadyDeleted, .scanEmpty, .scanNotPDF,
            .scanTooLarge(maximum: 20 * 1024 * 1024), .sealKeyMissing, .noExport,
            .deletionNotConfirmed(notTaken: 3, trainees: 12),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .securityLevelTooLow, .notAdministrator, .supersededVersion, .unknownVersion, .documentMismatch,
            .alreadySigned, .awaitingCountersignature, .alreadyCountersigned, .notAwaitingCountersignature,
            .unknownAgreement, .templateRefused, .noTemplate, .noAgreementInForce, .notTerminated, .alreadyTerminated,
            .stillInNoticePeriod, .noticeDateInPast, .noticeDateTooFar, .dataAlreadyDeleted, .scanEmpty, .scanNotPDF,
            .scanTooLarge, .sealKeyMissing, .noExport, .deletionNotConfirmed:
            ()
        }
    }
}
