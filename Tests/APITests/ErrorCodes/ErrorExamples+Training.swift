import Domain

extension ActivityError: ErrorExamples {
    static var allExamples: [ActivityError] {
        [
            .notAddressedToYou, .wrongSignerRole(required: .supervisor), .signerNotInRole(.veileder), .ownActivity,
            .notYours, .notSubmitted, .approved, .awaitingDecision, .commentRequired, .futureDate,
            .documentationRequired, .objectiveRequired, .unknownObjective(ExampleValues.objective),
            .unknownRecommendation(index: 3), .wrongPlan, .notFound, .invalid(ExampleValues.validation),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .notAddressedToYou, .wrongSignerRole, .signerNotInRole, .ownActivity, .notYours, .notSubmitted,
            .approved, .awaitingDecision, .commentRequired, .futureDate, .documentationRequired, .objectiveRequired,
            .unknownObjective, .unknownRecommendation, .wrongPlan, .notFound, .invalid:
            ()
        }
    }
}

extension ObjectiveError: ErrorExamples {
    static var allExamples: [ObjectiveError] {
        [
            .lederOnly, .consultationRequired(.veileder), .notInRole(.supervisor), .ownSubmission, .notYours,
            .alreadySubmitted, .notSubmitted, .approved, .notApproved, .commentRequired, .reasonRequired,
            .wrongObjective, .unknownObjective(ExampleValues.objective), .invalid(ExampleValues.validation),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .lederOnly, .consultationRequired, .notInRole, .ownSubmission, .notYours, .alreadySubmitted,
            .notSubmitted, .approved, .notApproved, .commentRequired, .reasonRequired, .wrongObjective,
            .unknownObjective, .invalid:
            ()
        }
    }
}

extension PlanAssignmentError: ErrorExamples {
    static var allExamples: [PlanAssignmentError] {
        [
            .alreadyAssigned(.lis1Kommune), .wrongProgramme(.lis1Kommune, .alis), .lederOnly, .started, .notStarted,
            .archived, .notThisTrainee, .notFound, .notAssigned(ExampleValues.plan), .unknownPlan(ExampleValues.plan),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .alreadyAssigned, .wrongProgramme, .lederOnly, .started, .notStarted, .archived, .notThisTrainee,
            .notFound, .notAssigned, .unknownPlan:
            ()
        }
    }
}

extension TalkError: ErrorExamples {
    static var allExamples: [TalkError] {
        [
            .finalised, .veilederOnly, .notAParticipant, .minutesRequired, .futureDate(ExampleValues.date), .notFound,
            .invalid(ExampleValues.validation),
        ]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .finalised, .veilederOnly, .notAParticipant, .minutesRequired, .futureDate, .notFound, .invalid: ()
        }
    }
}

extension CompletionError: ErrorExamples {
    static var allExamples: [CompletionError] {
        [.objectivesOutstanding(count: 1), .objectivesOutstanding(count: 12), .badPeriod, .approversRequired, .wrongPlan]
    }

    private static func listed(_ error: Self) {
        switch error {
        case .objectivesOutstanding, .badPeriod, .approversRequired, .wrongPlan: ()
        }
    }
}

extension CatalogImportError: ErrorExamples {
    static var allExamples: [CatalogImportError] {
        let plan = ExampleValues.plan
        let reasons: [Reason] = [
            .notUTF8, .malformed("unterminated quote"), .missing, .unknownField, .wrongType(expected: "a number"),
            .tooLong(max: 200), .badIdentifier("must use A-Z, digits and hyphens"), .badDate, .badValue("must be true or false"),
            .unknownActivityType, .unknownSigner, .unknownProgramme, .duplicateObjective(ExampleValues.objective),
            .duplicatePlan(plan), .inconsistentPlan(plan), .inconsistentObjective(ExampleValues.objective),
            .noObjectives(plan), .noPlans, .versionConflict(plan),
        ]
        return reasons.map { CatalogImportError(line: 12, field: "objective_id", reason: $0) }
            + [CatalogImportError(line: nil, field: "file", reason: .notUTF8)]
    }

    private static func listed(_ reason: Reason) {
        switch reason {
        case .notUTF8, .malformed, .missing, .unknownField, .wrongType, .tooLong, .badIdentifier, .badDate, .badValue,
            .unknownActivityType, .unknownSigner, .unknownProgramme, .duplicateObjective, .duplicatePlan,
            .inconsistentPlan, .inconsistentObjective, .noObjectives, .noPlans, .versionConflict:
            ()
        }
    }
}

extension CatalogImportFailure: ErrorExamples {
    /// A file with problems is invalid (400); one whose only problems are conflicts with stored plans is a
    /// conflict (409).
    static var allExamples: [CatalogImportFailure] {
        [
            CatalogImportFailure(errors: CatalogImportError.allExamples),
            CatalogImportFailure(errors: [
                CatalogImportError(line: nil, field: "plan", reason: .versionConflict(ExampleValues.plan))
            ]),
        ]
    }
}

extension AttachmentError: ErrorExamples {
    static var allExamples: [AttachmentError] { [.typeNotAllowed, .tooLarge(limit: 25 * 1024 * 1024)] }

    private static func listed(_ error: Self) {
        switch error {
        case .typeNotAllowed, .tooLarge: ()
        }
    }
}
