/// Why a learning activity cannot be recorded, edited, sent for signature, approved or rejected.
package enum ActivityError: DescribedFailure, Equatable {
    /// Only the person the activity was sent to decides it.
    case notAddressedToYou
    /// The plan says who signs this activity (supervisor or veileder); it was sent to the other role.
    case wrongSignerRole(required: ActivitySigner)
    /// The person does not hold the signing role for this LIS (any more).
    case signerNotInRole(ActivitySigner)
    /// A LIS never signs their own activity.
    case ownActivity
    /// Only the LIS records, edits and sends their activities.
    case notYours
    /// Deciding needs a submitted activity.
    case notSubmitted
    /// An approved activity is evidence: it is neither decided again nor edited.
    case approved
    /// Sent for signature: wait for the decision before editing or sending again.
    case awaitingDecision
    case commentRequired
    /// An activity is documented after it happened.
    case futureDate
    /// An activity that is not in the plan must say what was done.
    case documentationRequired
    /// A recommended activity belongs to an objective.
    case objectiveRequired
    case unknownObjective(ObjectiveID)
    case unknownRecommendation(index: Int)
    /// The activity belongs to another plan version than the one given.
    case wrongPlan
    /// No activity with this id for this LIS.
    case notFound
    case invalid(ValidationError)

    package var code: String {
        switch self {
        case .notAddressedToYou: "activity.not-addressed-to-you"
        case .wrongSignerRole: "activity.wrong-signer-role"
        case .signerNotInRole: "activity.signer-not-in-role"
        case .ownActivity: "activity.own-activity"
        case .notYours: "activity.not-yours"
        case .notSubmitted: "activity.not-submitted"
        case .approved: "activity.approved"
        case .awaitingDecision: "activity.awaiting-decision"
        case .commentRequired: "activity.comment-required"
        case .futureDate: "activity.future-date"
        case .documentationRequired: "activity.documentation-required"
        case .objectiveRequired: "activity.objective-required"
        case .unknownObjective: "activity.unknown-objective"
        case .unknownRecommendation: "activity.unknown-recommendation"
        case .wrongPlan: "activity.wrong-plan"
        case .notFound: "activity.not-found"
        case .invalid: "activity.invalid"
        }
    }

    package var detail: String {
        switch self {
        case .notAddressedToYou: "this activity was sent to someone else for signature"
        case .wrongSignerRole(let required): "this activity is signed by the \(required.rawValue)"
        case .signerNotInRole(let signer): "the signer is not \(signer.rawValue) for this LIS"
        case .ownActivity: "a LIS cannot sign their own activity"
        case .notYours: "only the LIS records and sends their activities"
        case .notSubmitted: "the activity has not been sent for signature"
        case .approved: "the activity is approved and can no longer change"
        case .awaitingDecision: "the activity awaits a decision"
        case .commentRequired: "a rejection needs a comment"
        case .futureDate: "the date performed is in the future"
        case .documentationRequired: "an activity outside the plan needs a description of what was done"
        case .objectiveRequired: "a recommended activity belongs to a learning objective"
        case .unknownObjective(let id): "objective \(id) is not in this plan version"
        case .unknownRecommendation(let index): "the objective has no recommended activity number \(index)"
        case .wrongPlan: "the activity belongs to another plan version"
        case .notFound: "no such learning activity for this LIS"
        case .invalid(let error): error.detail
        }
    }

    package var message: String {
        switch self {
        case .notAddressedToYou: "Aktiviteten er sendt til en annen person for signering."
        case .wrongSignerRole(let required):
            "Denne aktiviteten skal signeres av \(required.role.norwegianName). Send den til riktig person."
        case .signerNotInRole(let signer):
            "Personen er ikke \(signer.role.norwegianName) for denne LIS-en. Velg en annen."
        case .ownActivity: "Du kan ikke signere din egen aktivitet."
        case .notYours: "Bare LIS-en selv kan registrere og sende sine aktiviteter."
        case .notSubmitted: "Aktiviteten er ikke sendt til signering ennå."
        case .approved: "Aktiviteten er godkjent og kan ikke endres."
        case .awaitingDecision:
            "Aktiviteten venter på signering. Vent på svar før du endrer den eller sender den på nytt."
        case .commentRequired: "Skriv en kommentar som forklarer hvorfor du avviser aktiviteten."
        case .futureDate: "Datoen kan ikke være fram i tid. Registrer aktiviteten når den er gjennomført."
        case .documentationRequired: "Beskriv hva som ble gjort, siden aktiviteten ikke står i planen."
        case .objectiveRequired: "Velg hvilket læringsmål aktiviteten hører til."
        case .unknownObjective: "Læringsmålet finnes ikke i denne versjonen av planen."
        case .unknownRecommendation: "Læringsmålet har ingen slik anbefalt aktivitet."
        case .wrongPlan: "Aktiviteten hører til en annen versjon av planen."
        case .notFound: "Vi finner ikke denne aktiviteten."
        case .invalid(let error): error.message
        }
    }

    package var inputField: String? {
        if case .invalid(let error) = self { error.field } else { nil }
    }

    package var category: FailureCategory {
        switch self {
        case .notAddressedToYou, .ownActivity, .notYours: .forbidden
        case .notSubmitted, .approved, .awaitingDecision: .conflict
        case .notFound: .notFound
        case .wrongSignerRole, .signerNotInRole, .commentRequired, .futureDate, .documentationRequired,
            .objectiveRequired, .unknownObjective, .unknownRecommendation, .wrongPlan, .invalid:
            .invalid
        }
    }
}
