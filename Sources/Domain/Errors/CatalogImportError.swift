/// One problem in a catalog file, naming where it is (line, field) so the user can fix every one of them
/// before importing again.
///
/// `line` is the 1-based line of the CSV record or of the JSON value; it is nil for problems of the file as a
/// whole (encoding, an empty catalog) and for conflicts with plans already stored.
package struct CatalogImportError: DescribedFailure, Equatable {
    package enum Reason: Equatable, Sendable {
        case notUTF8
        /// The file is not well-formed CSV or JSON; parsing stops here.
        case malformed(String)
        case missing
        case unknownField
        case wrongType(expected: String)
        case tooLong(max: Int)
        case badIdentifier(String)
        case badDate
        case badValue(String)
        case unknownActivityType
        case unknownSigner
        case unknownProgramme
        case duplicateObjective(ObjectiveID)
        case duplicatePlan(PlanReference)
        /// Rows of one plan version disagree on a plan header value (CSV repeats them on every row).
        case inconsistentPlan(PlanReference)
        /// Rows of one objective disagree on its title, description, theme or note.
        case inconsistentObjective(ObjectiveID)
        case noObjectives(PlanReference)
        case noPlans
        /// This key and version is stored already, with different content: a published version never changes.
        case versionConflict(PlanReference)
    }

    package let line: Int?
    package let field: String
    package let reason: Reason

    package init(line: Int?, field: String, reason: Reason) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    package var code: String {
        switch reason {
        case .notUTF8: "catalog.encoding"
        case .malformed: "catalog.malformed"
        case .missing: "catalog.missing-field"
        case .unknownField: "catalog.unknown-field"
        case .wrongType, .badValue: "catalog.bad-value"
        case .tooLong: "catalog.too-long"
        case .badIdentifier: "catalog.bad-id"
        case .badDate: "catalog.bad-date"
        case .unknownActivityType: "catalog.unknown-activity-type"
        case .unknownSigner: "catalog.unknown-signer"
        case .unknownProgramme: "catalog.unknown-programme"
        case .duplicateObjective: "catalog.duplicate-id"
        case .duplicatePlan: "catalog.duplicate-plan"
        case .inconsistentPlan: "catalog.inconsistent-plan"
        case .inconsistentObjective: "catalog.inconsistent-objective"
        case .noObjectives: "catalog.no-objectives"
        case .noPlans: "catalog.empty"
        case .versionConflict: "catalog.version-conflict"
        }
    }

    /// A short English sentence, prefixed with the place: `line 12, objective_id: ...`.
    package var detail: String {
        let place = line.map { "line \($0), \(field)" } ?? field
        let what: String =
            switch reason {
            case .notUTF8: "the file must be UTF-8"
            case .malformed(let why): "not well-formed: \(why)"
            case .missing: "is required"
            case .unknownField: "is not a known field"
            case .wrongType(let expected): "must be \(expected)"
            case .tooLong(let max): "must be at most \(max) characters"
            case .badIdentifier(let why): why
            case .badDate: "must be a date YYYY-MM-DD"
            case .badValue(let why): why
            case .unknownActivityType:
                "must be one of \(ActivityType.allCases.map(\.rawValue).joined(separator: ", "))"
            case .unknownSigner: "must be one of \(ActivitySigner.allCases.map(\.rawValue).joined(separator: ", "))"
            case .unknownProgramme: "must be one of \(Programme.allCases.map(\.rawValue).joined(separator: ", "))"
            case .duplicateObjective(let id): "objective \(id) appears more than once in this plan version"
            case .duplicatePlan(let plan): "plan \(plan) appears more than once in this file"
            case .inconsistentPlan(let plan): "differs from an earlier row of plan \(plan)"
            case .inconsistentObjective(let id): "differs from an earlier row of objective \(id)"
            case .noObjectives(let plan): "plan \(plan) has no objectives"
            case .noPlans: "the catalog holds no plans"
            case .versionConflict(let plan):
                "plan \(plan) is stored already with different content; publish a new version instead"
            }
        return "\(place): \(what)"
    }

    /// The same, in bokmål: `Linje 12, objective_id: må fylles ut.`; a problem of the whole file is one
    /// sentence of its own (`Filen må være lagret som UTF-8.`).
    package var message: String {
        guard let line else { return problem + "." }
        return "Linje \(line), \(field): \(what)."
    }

    /// What is wrong, in bokmål, without the place: a sentence that starts with a capital letter and has no
    /// full stop (the console's table shows the line and the field in columns of their own).
    package var problem: String { what.prefix(1).uppercased() + what.dropFirst() }

    private var what: String {
        switch reason {
        case .notUTF8: "filen må være lagret som UTF-8"
        case .malformed: "filen har feil format, og resten av filen kan ikke leses"
        case .missing: "må fylles ut"
        case .unknownField: "er ikke et kjent felt"
        case .wrongType, .badValue: "har en ugyldig verdi"
        case .tooLong(let max): "kan være på høyst \(max) tegn"
        case .badIdentifier: "er ikke en gyldig ID"
        case .badDate: "må være en dato på formen ÅÅÅÅ-MM-DD"
        case .unknownActivityType:
            "må være en av \(ActivityType.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownSigner: "må være en av \(ActivitySigner.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownProgramme: "må være en av \(Programme.allCases.map(\.rawValue).joined(separator: ", "))"
        case .duplicateObjective(let id): "læringsmål \(id) står mer enn én gang i denne planversjonen"
        case .duplicatePlan(let plan): "plan \(plan) står mer enn én gang i filen"
        case .inconsistentPlan(let plan): "avviker fra en tidligere rad for plan \(plan)"
        case .inconsistentObjective(let id): "avviker fra en tidligere rad for læringsmål \(id)"
        case .noObjectives(let plan): "plan \(plan) har ingen læringsmål"
        case .noPlans: "katalogen inneholder ingen planer"
        case .versionConflict(let plan):
            "plan \(plan) er allerede lagret med annet innhold; publiser en ny versjon i stedet"
        }
    }

    /// A conflict with the stored catalog is about state; everything else is about the file.
    package var category: FailureCategory {
        if case .versionConflict = reason { .conflict } else { .invalid }
    }
}
