import Domain
import Foundation
import Identity
import Storage

@testable import API

extension InternalFailure: ErrorExamples {
    static var allExamples: [InternalFailure] { [InternalFailure()] }
}

extension StorageError: ErrorExamples {
    static var allExamples: [StorageError] {
        [.fileOperationFailed("rename failed"), .corruptRow(table: "trainee", column: "programme"), .storeClosed]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .fileOperationFailed, .corruptRow, .storeClosed: ()
        }
    }
}

extension AuthenticationError: ErrorExamples {
    static var allExamples: [AuthenticationError] {
        [
            .missingToken, .malformedToken, .unknownIssuer, .invalidSignature, .expired, .notYetValid, .wrongAudience,
            .missingClaim("sub"), .invalidClaim("sub"), .keysUnavailable, .sessionEnded,
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .missingToken, .malformedToken, .unknownIssuer, .invalidSignature, .expired, .notYetValid,
            .wrongAudience, .missingClaim, .invalidClaim, .keysUnavailable, .sessionEnded:
            ()
        }
    }
}

extension LoginError: ErrorExamples {
    static var allExamples: [LoginError] {
        [
            .invalidState, .attemptExpired, .issuerMismatch, .issuerUnreachable, .issuerRefused("invalid_grant"),
            .notCompleted, .invalidIDToken(.expired), .clientKey, .notASession,
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .invalidState, .attemptExpired, .issuerMismatch, .issuerUnreachable, .issuerRefused, .notCompleted,
            .invalidIDToken, .clientKey, .notASession:
            ()
        }
    }
}

extension RequestError: ErrorExamples {
    static var allExamples: [RequestError] {
        [
            .bodyTooLarge(limit: 1024), .bodyTooLarge(limit: nil), .malformedBody("The request body is not valid JSON"),
            .invalidParameter("traineeId"), .unsupportedValue(parameter: "format", supported: ["json", "csv"]),
            .missingField("programme"), .nullField("programme"), .wrongType("programme"),
            .disallowedValue("programme"), .routeNotFound, .methodNotAllowed, .rejected(reason: nil),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .bodyTooLarge, .malformedBody, .invalidParameter, .unsupportedValue, .missingField, .nullField, .wrongType,
            .disallowedValue, .routeNotFound, .methodNotAllowed, .rejected:
            ()
        }
    }
}

extension OperatorError: ErrorExamples {
    static var allExamples: [OperatorError] {
        [.required, .invalid(ValidationError(field: "operator", reason: .tooLong(max: 100)))]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .required, .invalid: ()
        }
    }
}

extension BackupError: ErrorExamples {
    static var allExamples: [BackupError] {
        [
            .invalidReplicaURL("ftp://x"), .noReplica(database: "tenant kommune-0301"),
            .beforeFirstBackup(database: "tenant kommune-0301", at: Date(timeIntervalSince1970: 1_800_000_000)),
            .litestreamUnavailable(path: "litestream", reason: "not found in PATH"),
            .restoreFailed(database: "tenant kommune-0301", reason: "connection refused"),
            .restoredFileDamaged(database: "tenant kommune-0301", reason: "malformed"),
            .targetNotEmpty(path: "/srv/Tenants"),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .invalidReplicaURL, .noReplica, .beforeFirstBackup, .litestreamUnavailable, .restoreFailed,
            .restoredFileDamaged, .targetNotEmpty:
            ()
        }
    }
}

extension MigrationError: ErrorExamples {
    static var allExamples: [MigrationError] {
        [
            .tenantsBehind(behind: 3, total: 10, version: 8), .tenantsAhead(ahead: 1, version: 7),
            .unknownTestMigration("drop-everything", known: ["review-note"]),
            .fileMissing(ExampleValues.tenant),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .tenantsBehind, .tenantsAhead, .unknownTestMigration, .fileMissing: ()
        }
    }
}
