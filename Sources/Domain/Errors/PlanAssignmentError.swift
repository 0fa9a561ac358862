/// Why a plan cannot be assigned to a LIS, removed, started or archived.
package enum PlanAssignmentError: DescribedFailure, Equatable {
    /// The LIS has this plan already (some version of it, not archived).
    case alreadyAssigned(PlanKey)
    /// The plan is not for the LIS's programme.
    case wrongProgramme(PlanKey, Programme)
    /// Only the LIS's leder assigns plans by hand.
    case lederOnly
    /// Work has begun on the plan: it can be archived, no longer removed.
    case started
    /// Only a plan with work on it is archived; one without is simply removed.
    case notStarted
    case archived
    /// The assignment belongs to another LIS.
    case notThisTrainee
    /// No assignment with this id.
    case notFound
    /// The LIS has no live assignment of this plan version, so nothing can be recorded against it.
    case notAssigned(PlanReference)
    /// The catalog has no such plan version.
    case unknownPlan(PlanReference)

    package var code: String {
        switch self {
        case .alreadyAssigned: "plan.already-assigned"
        case .wrongProgramme: "plan.wrong-programme"
        case .lederOnly: "plan.leder-only"
        case .started: "plan.started"
        case .notStarted: "plan.not-started"
        case .archived: "plan.archived"
        case .notThisTrainee: "plan.not-this-trainee"
        case .notFound: "plan.assignment-not-found"
        case .notAssigned: "plan.not-assigned"
        case .unknownPlan: "plan.unknown"
        }
    }

    package var detail: String {
        switch self {
        case .alreadyAssigned(let key): "plan \(key) is assigned to this LIS already"
        case .wrongProgramme(let key, let programme): "plan \(key) is not for the programme \(programme.rawValue)"
        case .lederOnly: "only the LIS's leder assigns plans"
        case .started: "work has begun on this plan; archive it instead of removing it"
        case .notStarted: "no work has begun on this plan; remove it instead of archiving it"
        case .archived: "this plan assignment is archived"
        case .notThisTrainee: "this plan assignment belongs to another LIS"
        case .notFound: "no such plan assignment"
        case .notAssigned(let plan): "plan \(plan) is not assigned to this LIS"
        case .unknownPlan(let plan): "the catalog has no plan \(plan)"
        }
    }

    package var message: String {
        switch self {
        case .alreadyAssigned: "LIS-en har allerede denne planen."
        case .wrongProgramme: "Planen gjelder ikke for utdanningsløpet til LIS-en."
        case .lederOnly: "Bare lederen til LIS-en kan tildele planer."
        case .started: "Arbeidet med planen er i gang. Arkiver planen i stedet for å fjerne den."
        case .notStarted: "Arbeidet med planen er ikke begynt. Fjern planen i stedet for å arkivere den."
        case .archived: "Planen er arkivert."
        case .notThisTrainee: "Planen hører til en annen LIS."
        case .notFound: "Vi finner ikke denne plantildelingen."
        case .notAssigned: "LIS-en har ikke fått tildelt denne planen."
        case .unknownPlan: "Katalogen har ingen slik plan."
        }
    }

    package var category: FailureCategory {
        switch self {
        case .lederOnly: .forbidden
        case .alreadyAssigned, .started, .notStarted, .archived, .notAssigned: .conflict
        case .wrongProgramme: .invalid
        case .notThisTrainee, .notFound, .unknownPlan: .notFound
        }
    }
}
