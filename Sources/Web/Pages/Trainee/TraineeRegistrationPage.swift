import Domain

/// `/lis/registrer`: the employer (among those whose agreement is in force), the programme, and an
/// e-mail address for notices.
struct TraineeRegistrationPage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }


    let layout: PageLayout
    let errors: FormErrors
    let tenants: [Option]
    let programmes: [Choice]
    let programmeError: String?
    let tenantError: String?
    let email: TextField

    init(tenants: [Tenant], chosen: String, form: FormFields, errors: FormErrors, visitor: Visitor) {
        self.layout = PageLayout(title: "Registrer deg som lege i spesialisering", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.tenants = tenants.sorted { $0.name < $1.name }.map {
            Option(value: $0.id.rawValue, label: $0.name, selected: $0.id.rawValue == chosen)
        }
        let picked = form["programme"] ?? ""
        self.programmes = Programme.allCases.map {
            Choice(id: "programme-\($0.rawValue)", value: $0.rawValue, label: $0.norwegianName, checked: $0.rawValue == picked)
        }
        self.programmeError = errors.message(for: "programme-lis1")
        self.tenantError = errors.message(for: "virksomhet")
        self.email = TextField(
            "email", label: "E-postadresse for varsler (valgfritt)",
            hint: "Hit sender vi beskjed når noe er godkjent eller avvist. Vi sender aldri innholdet.",
            value: form.text("email"), errors: errors, type: "email", autocomplete: "email")
    }
}
