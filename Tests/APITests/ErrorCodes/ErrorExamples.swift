import Domain
import Foundation
import Identity
import Storage
import TestSupport

@testable import API

/// An error type whose every case has an example, so that `ErrorCodeTableTests` can list every public code
/// without a hand-kept list drifting from the code.
///
/// Each conformance lists its cases in a `switch` with no `default` (`listed(_:)`): a new case does not
/// compile until someone comes here, gives it an example, and adds its row to `ErrorCodeTableTests.table`.
protocol ErrorExamples: DescribedFailure {
    /// One value of every case (of every reason, for errors that carry one).
    static var allExamples: [Self] { get }
}

/// The sample values the examples carry.
enum ExampleValues {
    static let tenant = Fixtures.tenantID("kommune-0301")
    static let organisationNumber = Fixtures.organisationNumber("988077917")
    static let person = UUID(uuidString: "00000000-0000-4000-8000-000000000001") ?? UUID()
    static let objective: ObjectiveID = {
        guard let id = try? ObjectiveID("DEL1-001") else { preconditionFailure("fixture objective id is invalid") }
        return id
    }()
    static let plan = PlanReference(key: .lis1Kommune, version: 1)
    static let validation = ValidationError(field: "email", reason: .missing)
    static let date: CalendarDate = {
        guard let date = try? CalendarDate(iso: "2027-02-01") else { preconditionFailure("fixture date is invalid") }
        return date
    }()
}

/// Every error type the engine and the doors can throw, with every case: the source of the code table.
enum AllErrorExamples {
    /// The errors that reach a client as problem+json.
    static let api: [any DescribedFailure] = {
        var all: [any DescribedFailure] = []
        all += TenantError.allExamples
        all += TraineeError.allExamples
        all += ValidationError.allExamples
        all += InvitationError.allExamples
        all += RoleError.allExamples
        all += AccessDenied.allExamples
        all += AccessError.allExamples
        all += AvailabilityError.allExamples
        all += RecordError.allExamples
        all += RegistrationError.allExamples
        all += AgreementError.allExamples
        all += ActivityError.allExamples
        all += AttachmentError.allExamples
        all += ObjectiveError.allExamples
        all += PlanAssignmentError.allExamples
        all += TalkError.allExamples
        all += CompletionError.allExamples
        all += CatalogImportFailure.allExamples
        all += InternalFailure.allExamples
        all += StorageError.allExamples
        all += AuthenticationError.allExamples
        all += LoginError.allExamples
        all += RequestError.allExamples
        return all
    }()

    /// Everything that describes itself, including the per-line catalog problems, which reach people
    /// inside `catalog.invalid` (its detail, and `kp catalog import`) rather than as a code of their own,
    /// and the refusals only `kp` gives (`operator.*`, `migration.*`), which no HTTP request can cause.
    static let all: [any DescribedFailure] =
        api + (CatalogImportError.allExamples as [any DescribedFailure])
        + (OperatorError.allExamples as [any DescribedFailure])
        + (BackupError.allExamples as [any DescribedFailure])
        + (MigrationError.allExamples as [any DescribedFailure])
}
