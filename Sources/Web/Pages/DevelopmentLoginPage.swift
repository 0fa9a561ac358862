/// The development issuer's login page, standing in for HelseID's: the tester picks a named test person
/// or types one, and chooses the security level, as in HelseID's test environment.
struct DevelopmentLoginPage: Sendable {
    struct PersonOption: Sendable {
        let value: String
        let label: String
        let checked: Bool
    }

    let layout: PageLayout
    let errors: FormErrors
    let clientID: String
    let requestURI: String
    let persons: [PersonOption]
    let otherChecked: Bool
    let name: TextField
    let pid: TextField
    let level3: Bool
    let level4: Bool
    /// The portal asked for level 4 (`acr_values=Level4`): level 3 is not offered.
    let requiresLevel4: Bool
    let levelError: String?

    init(
        clientID: String, requestURI: String, requiresLevel4: Bool = false, form: FormFields = FormFields(),
        errors: FormErrors = FormErrors(), visitor: Visitor
    ) {
        self.layout = PageLayout(title: "Velg testperson", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.clientID = clientID
        self.requestURI = requestURI
        let chosen = form["person"] ?? DevelopmentTestPerson.all[0].key
        self.persons = DevelopmentTestPerson.all.map {
            PersonOption(value: $0.key, label: "\($0.name) (\($0.role))", checked: $0.key == chosen)
        }
        self.otherChecked = chosen == DevelopmentLoginPage.otherPerson
        self.name = TextField(
            "name", label: "Navn", hint: "Bare hvis du valgte «En annen testperson».", value: form.text("name"),
            errors: errors, autocomplete: "off")
        self.pid = TextField(
            "pid", label: "Fødselsnummer (syntetisk testnummer)", hint: "11 sifre, for eksempel 01819010001.",
            value: form.text("pid"), errors: errors, autocomplete: "off", inputClass: "short")
        self.requiresLevel4 = requiresLevel4
        self.level3 = form["level"] == "3" && !requiresLevel4
        self.level4 = !level3
        self.levelError = errors.message(for: "level-4")
    }

    static let otherPerson = "annen"
}
