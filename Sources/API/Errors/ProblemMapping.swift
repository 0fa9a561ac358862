import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Identity
import OpenAPIRuntime
import Storage

/// The one place where errors become HTTP: every known error gets a status and a stable code; anything
/// else is a 500 that says nothing about the inside (the log has the details, under the request id).
package enum ProblemMapping {
    package struct Mapped {
        package var problem: Problem
        package var headers: HTTPFields = [:]
        /// False for errors the server did not expect; those are logged at error level.
        package var expected = true
    }

    package static func map(_ error: any Error) -> Mapped {
        switch error {
        case let error as ServerError:
            return mapServerError(error)
        case let error as ValidationError:
            return Mapped(problem: Problem(status: .badRequest, code: "validation.failed", title: "Invalid input",
                detail: error.detail, field: error.field))
        case let error as TenantError:
            return Mapped(problem: map(error))
        case let error as TraineeError:
            return Mapped(problem: map(error))
        case let error as AccessDenied:
            return Mapped(problem: Problem(status: .forbidden, code: "access.forbidden", title: "Not allowed",
                detail: "None of your roles for this LIS allows \(error.operation.rawValue)"))
        case let error as RoleError:
            return Mapped(problem: map(error))
        case let error as InvitationError:
            return Mapped(problem: map(error))
        case let error as LoginError:
            return map(error)
        case let error as AuthenticationError:
            return map(error)
        case AccessError.supportOnly:
            return Mapped(problem: Problem(status: .forbidden, code: "access.supportOnly", title: "Support staff only",
                detail: "This operation is reserved for the vendor's support staff"))
        case AccessError.supportAccessRequired:
            return Mapped(problem: Problem(status: .forbidden, code: "support.accessRequired", title: "Support access required",
                detail: "Open support access to this tenant with a reason first; it is time-limited and logged"))
        case let error as RequestError:
            return Mapped(problem: map(error))
        case let error as any DescribedFailure:
            return Mapped(problem: Problem(status: status(error.category), code: error.code, title: title(error.category),
                detail: error.detail))
        case AvailabilityError.registryUnavailable:
            return Mapped(problem: Problem(status: .serviceUnavailable, code: "registry.unavailable",
                title: "Registry unavailable", detail: "The tenant registry cannot be read; try again shortly"))
        case let error as HTTPError:
            return Mapped(problem: map(error))
        case let error as DecodingError:
            return Mapped(problem: map(error))
        default:
            return Mapped(
                problem: Problem(status: .internalServerError, code: "internal", title: "Internal error",
                    detail: "Something went wrong on our side; quote the request id when you contact support"),
                expected: false)
        }
    }

    /// The status of each category of a domain refusal (see `DescribedFailure`).
    private static func status(_ category: FailureCategory) -> HTTPResponse.Status {
        switch category {
        case .invalid: .badRequest
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .gone: .gone
        case .tooLarge: .contentTooLarge
        case .unsupportedType: .unsupportedMediaType
        case .unavailable: .serviceUnavailable
        }
    }

    private static func title(_ category: FailureCategory) -> String {
        switch category {
        case .invalid: "Invalid input"
        case .forbidden: "Not allowed"
        case .notFound: "Not found"
        case .conflict: "Not possible in the current state"
        case .gone: "Gone"
        case .tooLarge: "Too large"
        case .unsupportedType: "Unsupported content"
        case .unavailable: "Unavailable"
        }
    }

    /// The generated code wraps every error in `ServerError`: map what it wraps. Its own request checks
    /// (content type, a missing body or parameter) carry a 4xx status of their own.
    private static func mapServerError(_ error: ServerError) -> Mapped {
        let underlying = error.underlyingError
        if let convertible = underlying as? any HTTPResponseConvertible, (400..<500).contains(convertible.httpStatus.code) {
            return Mapped(problem: Problem(status: convertible.httpStatus, code: "request.invalid",
                title: "Invalid request", detail: error.causeDescription))
        }
        return map(underlying)
    }

    private static func map(_ error: TenantError) -> Problem {
        switch error {
        case .unknown(let id):
            Problem(status: .notFound, code: "tenant.unknown", title: "Unknown tenant", detail: "No tenant has the id \(id)")
        case .alreadyExists(let id):
            Problem(status: .conflict, code: "tenant.exists", title: "Tenant exists",
                detail: "A tenant with the id \(id) already exists", field: "id")
        case .organisationNumberTaken(let number):
            Problem(status: .conflict, code: "tenant.organisationNumberTaken", title: "Organisation number in use",
                detail: "Organisation number \(number) already belongs to a tenant", field: "organisationNumber")
        case .agreementRequired(let id, let status):
            Problem(status: .forbidden, code: "agreement.required", title: "Agreement required",
                detail: "Tenant \(id) has no data processing agreement in force (status \(status.rawValue))")
        case .suspended(let id):
            Problem(status: .forbidden, code: "tenant.suspended", title: "Tenant suspended",
                detail: "Tenant \(id) is suspended by support")
        case .terminated(let id, let closedAt):
            Problem(status: .forbidden, code: "tenant.terminated", title: "Tenant terminated",
                detail: "The data processing agreement of tenant \(id) was terminated"
                    + (closedAt.map { "; the tenant is closed to users from \($0.isoDay)" } ?? ""))
        case .notProvisioned(let id):
            Problem(status: .conflict, code: "tenant.notProvisioned", title: "Tenant not provisioned",
                detail: "Tenant \(id) has no database yet; provision it first")
        case .alreadyProvisioned(let id):
            Problem(status: .conflict, code: "tenant.alreadyProvisioned", title: "Tenant already provisioned",
                detail: "Tenant \(id) already has a database")
        case .transitionNotAllowed(let id, let from, let transition):
            Problem(status: .conflict, code: "tenant.transitionNotAllowed", title: "Not allowed in this status",
                detail: "Cannot \(transition) tenant \(id) while it is \(from.rawValue)")
        case .schemaTooNew(let id):
            Problem(status: .serviceUnavailable, code: "tenant.schemaTooNew", title: "Tenant database too new",
                detail: "Tenant \(id) was written by a newer version of the portal")
        }
    }

    private static func map(_ error: TraineeError) -> Problem {
        switch error {
        case .alreadyRegistered:
            Problem(status: .conflict, code: "trainee.alreadyRegistered", title: "Already registered",
                detail: "You are already registered as a LIS in this tenant")
        case .notRegistered:
            Problem(status: .notFound, code: "trainee.notRegistered", title: "Not registered",
                detail: "You are not registered as a LIS in this tenant")
        case .notFound:
            Problem(status: .notFound, code: "trainee.notFound", title: "No such LIS",
                detail: "No LIS with this id in this tenant")
        case .invalid(let validation):
            Problem(status: .badRequest, code: "validation.failed", title: "Invalid input", detail: validation.detail,
                field: validation.field)
        }
    }

    private static func map(_ error: LoginError) -> Mapped {
        switch error {
        case .invalidState:
            Mapped(problem: Problem(status: .badRequest, code: "login.invalidState", title: "Login not recognised",
                detail: "This login was not started here, was already completed, or has expired; start again"))
        case .attemptExpired:
            Mapped(problem: Problem(status: .badRequest, code: "login.expired", title: "Login expired",
                detail: "The login took too long; start again"))
        case .issuerMismatch:
            Mapped(problem: Problem(status: .badRequest, code: "login.issuerMismatch", title: "Wrong issuer",
                detail: "The response came from another issuer than the one asked"))
        case .invalidIDToken(let reason):
            Mapped(problem: Problem(status: .unauthorized, code: "login.invalidIDToken", title: "ID token refused",
                detail: "The ID token did not validate (\(String(describing: reason).prefix { $0 != "(" }))"))
        case .issuerRefused(let code):
            Mapped(problem: Problem(status: .badGateway, code: "login.issuerRefused", title: "Login refused by HelseID",
                detail: "The issuer answered \(code.prefix(64))"))
        case .issuerUnreachable:
            Mapped(problem: Problem(status: .badGateway, code: "login.issuerUnreachable", title: "HelseID unreachable",
                detail: "The login issuer could not be reached; try again shortly"))
        case .clientKey:
            Mapped(problem: Problem(status: .internalServerError, code: "internal", title: "Internal error"), expected: false)
        case .notASession:
            Mapped(problem: Problem(status: .badRequest, code: "login.notASession", title: "Not a session",
                detail: "Log out with the session token from the login"))
        }
    }

    private static func map(_ error: InvitationError) -> Problem {
        switch error {
        case .unknown:
            Problem(status: .notFound, code: "invitation.unknown", title: "No such invitation",
                detail: "No invitation in this tenant has this token")
        case .expired:
            Problem(status: .gone, code: "invitation.expired", title: "Invitation expired",
                detail: "The invitation has expired; ask for a new one")
        case .revoked:
            Problem(status: .gone, code: "invitation.revoked", title: "Invitation revoked",
                detail: "The invitation was withdrawn")
        case .alreadyUsed:
            Problem(status: .conflict, code: "invitation.used", title: "Invitation already used",
                detail: "The invitation has already been accepted")
        case .nothingToReplace(let role):
            Problem(status: .conflict, code: "invitation.nothingToReplace", title: "Nothing to replace",
                detail: "This LIS has no \(role.rawValue) to replace", field: "replacesHolder")
        case .role(let roleError):
            map(roleError)
        case .invalid(let validation):
            Problem(status: .badRequest, code: "validation.failed", title: "Invalid input", detail: validation.detail,
                field: validation.field)
        }
    }

    private static func map(_ error: RoleError) -> Problem {
        switch error {
        case .roleTaken(let role):
            Problem(status: .conflict, code: "role.taken", title: "Role already filled",
                detail: "This LIS already has a \(role.rawValue); replacing one is a separate step")
        case .alreadyHeld(let role):
            Problem(status: .conflict, code: "role.alreadyHeld", title: "Role already held",
                detail: "You already are \(role.rawValue) for this LIS")
        case .ownRole:
            Problem(status: .conflict, code: "role.ownRole", title: "Not for yourself",
                detail: "A LIS cannot hold a role for themselves")
        case .notAPerTraineeRole(let role):
            Problem(status: .badRequest, code: "role.invalid", title: "Not a role for a LIS",
                detail: "\(role.rawValue) is not held for one LIS", field: "role")
        }
    }

    private static func map(_ error: AuthenticationError) -> Mapped {
        let detail: String
        switch error {
        case .missingToken: detail = "An Authorization: Bearer token is required"
        case .malformedToken: detail = "The bearer token is not a well-formed JWT"
        case .unknownIssuer: detail = "The token's issuer is not trusted"
        case .invalidSignature: detail = "The token's signature does not verify"
        case .expired: detail = "The token has expired"
        case .notYetValid: detail = "The token is not valid yet"
        case .wrongAudience: detail = "The token was not issued for this service"
        case .missingClaim(let claim): detail = "The token lacks the claim \(claim)"
        case .invalidClaim(let claim): detail = "The token's claim \(claim) is invalid"
        case .keysUnavailable: detail = "The issuer's keys could not be fetched"
        }
        let code = "auth." + String(describing: error).prefix { $0 != "(" }
        var headers = HTTPFields()
        headers[.wwwAuthenticate] =
            "Bearer realm=\"kompetanseportal\", error=\"\(error.bearerError)\", error_description=\"\(detail)\""
        return Mapped(
            problem: Problem(status: .unauthorized, code: code, title: "Not authenticated", detail: detail),
            headers: headers)
    }

    private static func map(_ error: RequestError) -> Problem {
        switch error {
        case .bodyTooLarge(let limit):
            Problem(status: .contentTooLarge, code: "request.tooLarge", title: "Request body too large",
                detail: "The request body must be at most \(limit) bytes")
        case .malformedBody(let detail):
            Problem(status: .badRequest, code: "request.malformed", title: "Malformed request body", detail: detail)
        case .invalidParameter(let name):
            Problem(status: .badRequest, code: "request.invalidParameter", title: "Invalid parameter",
                detail: "The parameter \(name) is invalid", field: name)
        case .routeNotFound:
            Problem(status: .notFound, code: "route.notFound", title: "Not found", detail: "No such resource")
        case .methodNotAllowed:
            Problem(status: .methodNotAllowed, code: "method.notAllowed", title: "Method not allowed")
        }
    }

    private static func map(_ error: HTTPError) -> Problem {
        switch error.status {
        case .notFound: map(RequestError.routeNotFound)
        case .methodNotAllowed: map(RequestError.methodNotAllowed)
        case .contentTooLarge:
            Problem(status: .contentTooLarge, code: "request.tooLarge", title: "Request body too large")
        default:
            Problem(status: error.status, code: "request.invalid", title: error.status.reasonPhrase)
        }
    }

    /// Names the field a JSON body got wrong, without echoing the body.
    private static func map(_ error: DecodingError) -> Problem {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            (codingPath + (key.map { [$0] } ?? [])).map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, key)
            return Problem(status: .badRequest, code: "request.missingField", title: "Missing field",
                detail: "The field \(field) is required", field: field)
        case .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return Problem(status: .badRequest, code: "request.missingField", title: "Missing field",
                detail: "The field \(field) must not be null", field: field)
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            return map(RequestError.malformedBody("The request body must be a JSON object"))
        case .typeMismatch(_, let context):
            let field = path(context.codingPath)
            return Problem(status: .badRequest, code: "request.invalidField", title: "Invalid field",
                detail: "The field \(field) has the wrong type", field: field)
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            let field = path(context.codingPath)
            return Problem(status: .badRequest, code: "request.invalidField", title: "Invalid field",
                detail: "The field \(field) has a value that is not allowed", field: field)
        default:
            return map(RequestError.malformedBody("The request body is not valid JSON"))
        }
    }
}
