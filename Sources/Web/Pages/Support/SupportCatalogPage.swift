import Domain
import Engine
import Foundation

/// `/brukerstotte/katalog`: the stored plan versions and the import form. A refused file is shown with
/// every problem as a row (line, field, what is wrong), because the import is all or nothing.
struct SupportCatalogPage: Sendable {
    struct Plan: Sendable {
        let key: String
        let version: Int
        let name: String
        let effectiveFrom: String
        let objectives: Int
        let sample: Bool
        let importedOn: String
    }

    struct Problem: Sendable {
        let line: String
        let field: String
        let message: String
    }

    let layout: PageLayout
    let errors: FormErrors
    let notice: String?
    let plans: [Plan]
    let hasPlans: Bool
    let file: FileField
    let problems: [Problem]
    let hasProblems: Bool
    let problemSummary: String

    init(
        plans: [Plan], visitor: Visitor, notice: String? = nil, errors: FormErrors = FormErrors(),
        failure: CatalogImportFailure? = nil
    ) {
        self.layout = PageLayout(title: "Brukerstøtte – planer", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.notice = notice
        self.plans = plans
        self.hasPlans = !self.plans.isEmpty
        self.file = FileField(
            "catalog-file", label: "Katalogfil (CSV eller JSON)",
            hint: "Formatet er beskrevet i Docs/catalog-format.md. Filen importeres helt eller ikke i det hele tatt.",
            accept: ".csv,.json,text/csv,application/json", errors: errors)
        self.problems = (failure?.errors ?? []).map {
            Problem(line: $0.line.map(String.init) ?? "–", field: $0.line == nil ? "Hele filen" : $0.field, message: $0.problem)
        }
        self.hasProblems = !problems.isEmpty
        self.problemSummary = failure?.message ?? ""
    }
}
