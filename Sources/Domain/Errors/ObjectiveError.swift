/// Why a learning objective cannot be submitted, approved, rejected, revoked or imported.
package enum ObjectiveError: DescribedFailure, Equatable {
    /// Only the LIS's leder decides objectives.
    case lederOnly
    /// Approval records the advice of the veileder and at least one supervisor (source).
    case consultationRequired(Role)
    /// A person named as consulted does not hold that role for this LIS.
    case notInRole(Role)
    /// Nobody approves their own submission.
    case ownSubmission
    /// Only the LIS submits their objectives.
    case notYours
    case alreadySubmitted
    case notSubmitted
    /// An approval is evidence: it changes only through an explicit, reasoned revocation.
    case approved
    case notApproved
    case commentRequired
    case reasonRequired
    /// An imported approval is for another objective.
    case wrongObjective
    case unknownObjective(ObjectiveID)
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .lederOnly: "objective.leder-only"
        case .consultationRequired: "objective.consultation-required"
        case .notInRole: "objective.not-in-role"
        case .ownSubmission: "objective.own-submission"
        case .notYours: "objective.not-yours"
        case .alreadySubmitted: "objective.already-submitted"
        case .notSubmitted: "objective.not-submitted"
        case .approved: "objective.approved"
        case .notApproved: "objective.not-approved"
        case .commentRequired: "objective.comment-required"
        case .reasonRequired: "objective.reason-required"
        case .wrongObjective: "objective.wrong-objective"
        case .unknownObjective: "objective.unknown-objective"
        case .invalid: "objective.invalid"
        }
    }

    package var detail: String {
        switch self {
        case .lederOnly: "only the LIS's leder approves or rejects learning objectives"
        case .consultationRequired(let role): "approval must record the consulted \(role.rawValue)"
        case .notInRole(let role): "a person named as consulted is not \(role.rawValue) for this LIS"
        case .ownSubmission: "nobody approves their own learning objective"
        case .notYours: "only the LIS submits their learning objectives"
        case .alreadySubmitted: "the objective is submitted already"
        case .notSubmitted: "the objective has not been submitted"
        case .approved: "the objective is approved; revoke the approval explicitly to change it"
        case .notApproved: "the objective is not approved"
        case .commentRequired: "a rejection needs a comment"
        case .reasonRequired: "revoking an approval needs a reason"
        case .wrongObjective: "the imported approval is for another objective"
        case .unknownObjective(let id): "objective \(id) is not in this plan version"
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .lederOnly: "Bare lederen til LIS-en kan godkjenne eller avvise læringsmål."
        case .consultationRequired(let role):
            "Oppgi hvilken \(role.norwegianName) du har rådført deg med før du godkjenner."
        case .notInRole(let role): "En person du har oppgitt, er ikke \(role.norwegianName) for denne LIS-en."
        case .ownSubmission: "Du kan ikke godkjenne ditt eget læringsmål."
        case .notYours: "Bare LIS-en selv kan sende inn sine læringsmål."
        case .alreadySubmitted: "Læringsmålet er allerede sendt inn."
        case .notSubmitted: "Læringsmålet er ikke sendt inn ennå."
        case .approved: "Læringsmålet er godkjent. Trekk tilbake godkjenningen først hvis det må endres."
        case .notApproved: "Læringsmålet er ikke godkjent."
        case .commentRequired: "Skriv en kommentar som forklarer hvorfor du avviser læringsmålet."
        case .reasonRequired: "Skriv en begrunnelse for at du trekker tilbake godkjenningen."
        case .wrongObjective: "Den importerte godkjenningen gjelder et annet læringsmål."
        case .unknownObjective: "Læringsmålet finnes ikke i denne versjonen av planen."
        case .invalid(let error): error.message
        }
    }

    package var inputField: String? {
        if case .invalid(let error) = self { error.field } else { nil }
    }

    package var category: FailureCategory {
        switch self {
        case .lederOnly, .ownSubmission, .notYours: .forbidden
        case .alreadySubmitted, .notSubmitted, .approved, .notApproved: .conflict
        case .consultationRequired, .notInRole, .commentRequired, .reasonRequired, .wrongObjective,
            .unknownObjective, .invalid:
            .invalid
        }
    }
}
