import Domain

/// `/registrering/ny`: the registration form of a private virksomhet.
struct RegistrationFormPage: Sendable {
    let layout: PageLayout
    let errors: FormErrors
    let organisationNumber: TextField
    let name: TextField
    let contactEmail: TextField
    let programmes: CheckboxGroup

    init(visitor: Visitor, form: FormFields = FormFields(), errors: FormErrors = FormErrors()) {
        self.layout = PageLayout(title: "Registrer en virksomhet", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.organisationNumber = TextField(
            "organisation-number", label: "Organisasjonsnummer",
            hint: "9 sifre, slik det står i Enhetsregisteret (brreg.no).", value: form.text("organisation-number"),
            errors: errors, autocomplete: "off", inputClass: "short")
        self.name = TextField(
            "name", label: "Virksomhetens navn", value: form.text("name"), errors: errors, autocomplete: "organization")
        self.contactEmail = TextField(
            "contact-email", label: "E-postadresse", hint: "Hit sender brukerstøtte svaret på registreringen.",
            value: form.text("contact-email"), errors: errors, type: "email", autocomplete: "email")
        self.programmes = CheckboxGroup(
            "programmes", legend: "Utdanninger", hint: "Hvilke spesialistutdanninger virksomheten utdanner leger i.",
            options: Programme.allCases.map { ($0.rawValue, $0.norwegianName) }, checked: form.all("programmes"),
            errors: errors)
    }
}
