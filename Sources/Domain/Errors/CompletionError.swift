/// Why a completion confirmation cannot be issued.
package enum CompletionError: DescribedFailure, Equatable {
    /// Completion needs every objective of the plan approved (source: Helsedirektoratet reads this).
    case objectivesOutstanding(count: Int)
    /// The period ends before it starts.
    case badPeriod
    /// A confirmation names who confirms it.
    case approversRequired
    /// The progress records belong to another plan version or LIS.
    case wrongPlan

    package var code: String {
        switch self {
        case .objectivesOutstanding: "completion.objectives-outstanding"
        case .badPeriod: "completion.bad-period"
        case .approversRequired: "completion.approvers-required"
        case .wrongPlan: "completion.wrong-plan"
        }
    }

    package var detail: String {
        switch self {
        case .objectivesOutstanding(let count): "\(count) learning objective\(count == 1 ? " is" : "s are") not approved yet"
        case .badPeriod: "the period ends before it starts"
        case .approversRequired: "name at least one approver"
        case .wrongPlan: "the progress belongs to another plan version"
        }
    }

    package var message: String {
        switch self {
        case .objectivesOutstanding(let count):
            "\(count) læringsmål er ikke godkjent ennå. Alle må være godkjent før gjennomføringen kan bekreftes."
        case .badPeriod: "Perioden slutter før den begynner. Sjekk datoene."
        case .approversRequired: "Oppgi minst én som godkjenner."
        case .wrongPlan: "Progresjonen hører til en annen versjon av planen."
        }
    }

    package var category: FailureCategory {
        switch self {
        case .objectivesOutstanding: .conflict
        case .badPeriod, .approversRequired, .wrongPlan: .invalid
        }
    }
}
