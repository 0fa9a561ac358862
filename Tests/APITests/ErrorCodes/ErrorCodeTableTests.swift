import Domain
import Foundation
import Testing

@testable import API

/// Every code the API can return, with its HTTP status, written out: a renamed code, a changed status or a
/// new code that is not listed here fails, and so does a spec that documents another list.
@Suite struct ErrorCodeTableTests {
    /// The public contract. A change here is a change of the API: record it in CHANGELOG.md and in the
    /// `code` description of the Problem schema in openapi.yaml.
    static let table: [(code: String, status: Int)] = [
        ("access.forbidden", 403),
        ("access.support-only", 403),
        ("activity.approved", 409),
        ("activity.awaiting-decision", 409),
        ("activity.comment-required", 400),
        ("activity.documentation-required", 400),
        ("activity.future-date", 400),
        ("activity.invalid", 400),
        ("activity.not-addressed-to-you", 403),
        ("activity.not-found", 404),
        ("activity.not-submitted", 409),
        ("activity.not-yours", 403),
        ("activity.objective-required", 400),
        ("activity.own-activity", 403),
        ("activity.signer-not-in-role", 400),
        ("activity.unknown-objective", 400),
        ("activity.unknown-recommendation", 400),
        ("activity.wrong-plan", 400),
        ("activity.wrong-signer-role", 400),
        ("agreement.already-countersigned", 409),
        ("agreement.already-signed", 409),
        ("agreement.already-terminated", 409),
        ("agreement.awaiting-countersignature", 409),
        ("agreement.data-deleted", 410),
        ("agreement.deletion-not-confirmed", 409),
        ("agreement.document-mismatch", 400),
        ("agreement.no-export", 404),
        ("agreement.no-template", 503),
        ("agreement.not-authorised", 403),
        ("agreement.not-in-force", 409),
        ("agreement.not-signed", 409),
        ("agreement.not-terminated", 409),
        ("agreement.notice-date-in-past", 400),
        ("agreement.notice-date-too-far", 400),
        ("agreement.notice-period", 409),
        ("agreement.required", 403),
        ("agreement.scan-not-pdf", 415),
        ("agreement.scan-too-large", 413),
        ("agreement.seal-unavailable", 503),
        ("agreement.security-level-too-low", 403),
        ("agreement.superseded-version", 409),
        ("agreement.template-refused", 503),
        ("agreement.unknown", 404),
        ("agreement.unknown-version", 404),
        ("attachment.too-large", 413),
        ("attachment.type-not-allowed", 400),
        ("auth.expired", 401),
        ("auth.invalid-claim", 401),
        ("auth.invalid-signature", 401),
        ("auth.keys-unavailable", 401),
        ("auth.malformed-token", 401),
        ("auth.missing-claim", 401),
        ("auth.missing-token", 401),
        ("auth.not-yet-valid", 401),
        ("auth.session-ended", 401),
        ("auth.unknown-issuer", 401),
        ("auth.wrong-audience", 401),
        ("catalog.invalid", 400),
        ("catalog.invalid", 409),
        ("completion.approvers-required", 400),
        ("completion.bad-period", 400),
        ("completion.objectives-outstanding", 409),
        ("completion.wrong-plan", 400),
        ("invitation.expired", 410),
        ("invitation.nothing-to-replace", 409),
        ("invitation.revoked", 410),
        ("invitation.unknown", 404),
        ("invitation.used", 409),
        ("login.expired", 400),
        ("login.invalid-id-token", 401),
        ("login.invalid-state", 400),
        ("login.issuer-mismatch", 400),
        ("login.issuer-refused", 502),
        ("login.issuer-unreachable", 502),
        ("login.not-a-session", 400),
        ("login.not-completed", 400),
        ("method.not-allowed", 405),
        ("objective.already-submitted", 409),
        ("objective.approved", 409),
        ("objective.comment-required", 400),
        ("objective.consultation-required", 400),
        ("objective.invalid", 400),
        ("objective.leder-only", 403),
        ("objective.not-approved", 409),
        ("objective.not-in-role", 400),
        ("objective.not-submitted", 409),
        ("objective.not-yours", 403),
        ("objective.own-submission", 403),
        ("objective.reason-required", 400),
        ("objective.unknown-objective", 400),
        ("objective.wrong-objective", 400),
        ("plan.already-assigned", 409),
        ("plan.archived", 409),
        ("plan.assignment-not-found", 404),
        ("plan.leder-only", 403),
        ("plan.not-assigned", 409),
        ("plan.not-started", 409),
        ("plan.not-this-trainee", 404),
        ("plan.started", 409),
        ("plan.unknown", 404),
        ("plan.wrong-programme", 400),
        ("record.another-person", 409),
        ("record.same-tenant", 409),
        ("record.seal-invalid", 400),
        ("registration.already-decided", 409),
        ("registration.organisation-registered", 409),
        ("registration.pending-exists", 409),
        ("registration.reason-required", 400),
        ("registration.unknown", 404),
        ("registry.unavailable", 503),
        ("request.invalid", 400),
        ("request.invalid-field", 400),
        ("request.invalid-parameter", 400),
        ("request.malformed", 400),
        ("request.missing-field", 400),
        ("request.too-large", 413),
        ("role.already-held", 409),
        ("role.invalid", 400),
        ("role.own-role", 409),
        ("role.taken", 409),
        ("route.not-found", 404),
        ("server.internal", 500),
        ("support.access-required", 403),
        ("talk.finalised", 409),
        ("talk.future-date", 409),
        ("talk.invalid", 400),
        ("talk.minutes-required", 409),
        ("talk.not-a-participant", 403),
        ("talk.not-found", 404),
        ("talk.veileder-only", 403),
        ("tenant.already-provisioned", 409),
        ("tenant.exists", 409),
        ("tenant.maintenance", 503),
        ("tenant.not-provisioned", 409),
        ("tenant.organisation-number-taken", 409),
        ("tenant.schema-too-new", 503),
        ("tenant.storage-unavailable", 503),
        ("tenant.suspended", 403),
        ("tenant.terminated", 403),
        ("tenant.transition-not-allowed", 409),
        ("tenant.unknown", 404),
        ("trainee.already-registered", 409),
        ("trainee.not-found", 404),
        ("trainee.not-registered", 404),
        ("validation.failed", 400),
    ]

    /// The casing rule every public code follows: dotted lower-case, words joined by hyphens.
    /// (`^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$`, written without capturing groups.)
    static var casing: Regex<Substring> { /^[a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/ }

    static func rows(_ pairs: [(code: String, status: Int)]) -> Set<String> {
        Set(pairs.map { "\($0.code) \($0.status)" })
    }

    @Test func everyCodeTheAPICanReturnIsInTheTableWithItsStatus() {
        let served = Set(AllErrorExamples.api.map { error -> String in
            let problem = ProblemMapping.map(error).problem
            return "\(problem.code) \(problem.status)"
        })
        let listed = Self.rows(Self.table)
        #expect(served.subtracting(listed).sorted() == [], "returned by the API but not in the table")
        #expect(listed.subtracting(served).sorted() == [], "in the table but no error returns it")
        #expect(Self.table.count == listed.count, "the table lists a row twice")
    }

    @Test func everyCodeIsDottedLowerCaseWithHyphens() {
        let codes = Set(AllErrorExamples.all.map(\.code) + Self.table.map(\.code))
        for code in codes.sorted() {
            #expect(code.wholeMatch(of: Self.casing) != nil, "\(code)")
        }
    }

    @Test func everyErrorHasABokmalMessageAndAnEnglishDetail() {
        for error in AllErrorExamples.all {
            let message = error.message.trimmingCharacters(in: .whitespaces)
            #expect(!message.isEmpty, "\(error.code) has no message")
            #expect(message.first?.isLowercase == false, "\(error.code): \(message)")
            #expect(message.hasSuffix("."), "\(error.code): \(message)")
            #expect(!error.detail.isEmpty, "\(error.code) has no detail")
            #expect(message != error.detail, "\(error.code): the message is the English detail")
        }
    }

    @Test func everyProblemCarriesTheBokmalMessage() {
        for error in AllErrorExamples.api {
            let problem = ProblemMapping.map(error).problem
            #expect(problem.message == error.message, "\(error.code)")
        }
    }

    /// The spec documents the codes in the `code` description of the Problem schema, one table row each:
    /// ``| `tenant.unknown` | 404 |``, several statuses separated by commas.
    @Test func theServedSpecListsExactlyTheCodesOfTheTable() throws {
        let spec = String(decoding: try openAPIDocument(), as: UTF8.self)
        let row = /^\s*\| `([^`]+)` \| ([0-9, ]+) \|/
        var documented: [(code: String, status: Int)] = []
        for line in spec.split(separator: "\n") {
            guard let match = line.firstMatch(of: row) else { continue }
            for status in match.2.split(separator: ",") {
                guard let status = Int(status.trimmingCharacters(in: .whitespaces)) else { continue }
                documented.append((code: String(match.1), status: status))
            }
        }
        let inSpec = Self.rows(documented)
        let listed = Self.rows(Self.table)
        #expect(inSpec.subtracting(listed).sorted() == [], "in the spec but not in the table")
        #expect(listed.subtracting(inSpec).sorted() == [], "in the table but not in the spec")
    }
}
