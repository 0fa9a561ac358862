import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Identity
import Storage
import TestSupport
import Testing

@testable import API

@Suite struct ProblemMappingTests {
    static let id = Fixtures.tenantID("kommune-0301")
    static let number = Fixtures.organisationNumber("988077917")

    static let tenantErrors: [(TenantError, Int, String)] = [
        (.unknown(id), 404, "tenant.unknown"),
        (.alreadyExists(id), 409, "tenant.exists"),
        (.organisationNumberTaken(number), 409, "tenant.organisation-number-taken"),
        (.agreementRequired(id, status: .registered), 403, "agreement.required"),
        (.suspended(id), 403, "tenant.suspended"),
        (.terminated(id, closedAt: nil), 403, "tenant.terminated"),
        (.notProvisioned(id), 409, "tenant.not-provisioned"),
        (.alreadyProvisioned(id), 409, "tenant.already-provisioned"),
        (.transitionNotAllowed(id, from: .active, transition: "resume"), 409, "tenant.transition-not-allowed"),
        (.schemaTooNew(id), 503, "tenant.schema-too-new"),
        (.storageUnavailable(id), 503, "tenant.storage-unavailable"),
    ]

    @Test(arguments: tenantErrors)
    func everyTenantErrorHasAStatusAndAStableCode(_ error: TenantError, _ status: Int, _ code: String) {
        let mapped = ProblemMapping.map(error)
        #expect(mapped.problem.status == status)
        #expect(mapped.problem.code == code)
        #expect(mapped.expected)
    }

    @Test(arguments: [
        AuthenticationError.missingToken, .malformedToken, .unknownIssuer, .invalidSignature, .expired, .notYetValid,
        .wrongAudience, .missingClaim("sub"), .invalidClaim("sub"), .keysUnavailable, .sessionEnded,
    ])
    func everyAuthenticationFailureIsUnauthorizedWithAChallenge(_ error: AuthenticationError) {
        let mapped = ProblemMapping.map(error)
        #expect(mapped.problem.status == 401)
        #expect(mapped.problem.code.hasPrefix("auth."))
        #expect(mapped.headers[.wwwAuthenticate]?.hasPrefix("Bearer ") == true)
    }

    @Test func aTemporaryRefusalTellsTheClientWhenToTryAgain() {
        #expect(ProblemMapping.map(TenantError.storageUnavailable(Self.id)).headers[.retryAfter] == "30")
        #expect(ProblemMapping.map(AvailabilityError.registryUnavailable).headers[.retryAfter] == "5")
        #expect(ProblemMapping.map(TenantError.schemaTooNew(Self.id)).headers[.retryAfter] == nil, "needs the operator")
    }

    @Test func anUnexpectedErrorIsAnInternalErrorThatRevealsNothing() {
        struct SecretFailure: Error, CustomStringConvertible {
            var description: String { "SELECT * FROM trainee WHERE personKey = 'abc' at /srv/Tenants/x" }
        }
        let mapped = ProblemMapping.map(SecretFailure())
        #expect(mapped.problem.status == 500)
        #expect(mapped.problem.code == "server.internal")
        #expect(!mapped.expected)
        let text = "\(mapped.problem.title) \(mapped.problem.detail ?? "")"
        #expect(!text.contains("SELECT"))
        #expect(!text.contains("Tenants"))
    }

    @Test func aStorageFailureIsAnInternalErrorThatRevealsNothing() {
        let mapped = ProblemMapping.map(StorageError.corruptRow(table: "trainee", column: "personKey"))
        #expect(mapped.problem.status == 500)
        #expect(mapped.problem.code == "server.internal")
        #expect(!mapped.expected)
        let text = "\(mapped.problem.title) \(mapped.problem.detail ?? "") \(mapped.problem.message ?? "")"
        #expect(!text.contains("trainee"))
        #expect(!text.contains("personKey"))
    }

    @Test func onlyARefusedBearerTokenAsksTheClientToAuthenticate() {
        for error in AllErrorExamples.api {
            let mapped = ProblemMapping.map(error)
            #expect((mapped.headers[.wwwAuthenticate] != nil) == (error is AuthenticationError), "\(error.code)")
        }
        #expect(ProblemMapping.map(AuthenticationError.missingToken).headers[.wwwAuthenticate]?
            .contains(#"error="invalid_request""#) == true)
        #expect(ProblemMapping.map(AuthenticationError.expired).headers[.wwwAuthenticate]?
            .contains(#"error="invalid_token""#) == true)
    }

    @Test func aFrameworkRefusalKeepsItsStatusAndDescribesItselfLikeEveryOtherError() {
        let mapped = ProblemMapping.map(HTTPError(.unsupportedMediaType))
        #expect(mapped.problem.status == 415)
        #expect(mapped.problem.code == "request.invalid")
        #expect(mapped.problem.message?.isEmpty == false)
        #expect(mapped.expected)
    }

    @Test func aValidationErrorNamesItsField() {
        let mapped = ProblemMapping.map(ValidationError(field: "organisationNumber", reason: .badCheckDigit))
        #expect(mapped.problem.status == 400)
        #expect(mapped.problem.field == "organisationNumber")
        #expect(mapped.problem.detail?.contains("mod-11") == true)
    }

    @Test func aProblemResponseIsProblemJSONWithTheRequestID() throws {
        let response = Problem(status: .forbidden, code: "agreement.required", title: "Agreement required")
            .response(requestID: "abc12345", headers: [:])
        #expect(response.headers[.contentType] == "application/problem+json")
        #expect(response.status == .forbidden)
    }
}
