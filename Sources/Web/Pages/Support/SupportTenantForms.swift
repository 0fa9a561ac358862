import Domain

/// The forms of a tenant's page besides naming the signer: register a paper agreement, suspend or resume
/// with a reason, terminate as the processor, open support access to read a LIS, and invite an external
/// person for a LIS. Each field keeps what was typed when its form is refused; which forms are offered
/// follows the tenant's status (the engine refuses the others anyway).
struct SupportTenantForms: Sendable {
    /// The access lengths offered, in minutes (the domain allows 1…240).
    static let accessMinutes = [15, 30, 60, 120, 240]

    let paperVersion: SelectField
    let paperSigner: TextField
    /// Asked only while the registry has no organisation number for the tenant (a kommune before its
    /// signer is named): the agreement's text needs it.
    let paperOrganisationNumber: TextField?
    let paperFile: FileField

    let canSuspend: Bool
    let canResume: Bool
    let statusReason: TextField

    let canTerminate: Bool
    let noticeDate: TextField
    let terminationReason: TextField
    let onInstruction: Bool

    let isOpen: Bool
    let accessTrainee: TextField
    let accessReason: TextField
    let accessMinutes: SelectField

    let externalTrainee: TextField
    let externalRole: SelectField
    let externalEmail: TextField
    let externalReplaces: Bool
    let externalReason: TextField

    init(tenant: Tenant, versions: (current: String, versions: [String]), form: FormFields, errors: FormErrors) {
        paperVersion = SelectField(
            "paper-version", label: "Avtaleversjon",
            hint: "Versjonen av avtalen som er signert på papir.",
            options: versions.versions.map { ($0, $0 == versions.current ? "\($0) (gjeldende)" : $0) },
            selected: form["paper-version"] ?? versions.current, errors: errors)
        paperSigner = TextField(
            "paper-signer", label: "Signert av", hint: "Navnet på den som signerte for virksomheten.",
            value: form.text("paper-signer"), errors: errors, autocomplete: "off")
        paperOrganisationNumber =
            tenant.organisationNumber != nil
            ? nil
            : TextField(
                "paper-organisation-number", label: "Organisasjonsnummer",
                hint: "Kommunens organisasjonsnummer, 9 sifre, slik det står i avtalen.",
                value: form.text("paper-organisation-number"), errors: errors, inputClass: "short")
        paperFile = FileField(
            "paper-file", label: "Skannet avtale (PDF, høyst 10 MB)",
            hint: "Alle sider, med signaturen. Filen kontrolleres; bare PDF godtas.", accept: "application/pdf,.pdf",
            errors: errors)

        canSuspend = tenant.status == .active
        canResume = tenant.status == .suspended
        statusReason = TextField(
            "status-reason", label: "Begrunnelse",
            hint: "Hvorfor, og gjerne saksnummeret. Begrunnelsen lagres i hendelsesloggen.",
            value: form.text("status-reason"), errors: errors)

        canTerminate = tenant.status == .active || tenant.status == .suspended || tenant.status == .agreementPending
        noticeDate = TextField(
            "notice-date", label: "Oppsigelsesdato",
            hint: "Fra denne datoen er portalen stengt for virksomheten. I dag eller senere, høyst ett år fram.",
            value: form.text("notice-date"), errors: errors, type: "date", inputClass: "short")
        terminationReason = TextField(
            "termination-reason", label: "Begrunnelse (valgfritt)", value: form.text("termination-reason"),
            errors: errors)
        onInstruction = form["termination-instruction"] == "ja"

        isOpen = tenant.status == .active
        accessTrainee = TextField(
            "access-trainee", label: "LIS-ens ID", hint: "ID-en til LIS-en saken gjelder (36 tegn).",
            value: form.text("access-trainee"), errors: errors, autocomplete: "off")
        accessReason = TextField(
            "access-reason", label: "Begrunnelse",
            hint: "Saksnummer og hvorfor, minst 10 tegn. LIS-en ser begrunnelsen i tilgangsloggen.",
            value: form.text("access-reason"), errors: errors)
        accessMinutes = SelectField(
            "access-minutes", label: "Varighet",
            options: Self.accessMinutes.map { (String($0), $0 < 60 ? "\($0) minutter" : $0 == 60 ? "1 time" : "\($0 / 60) timer") },
            selected: form["access-minutes"] ?? "30", errors: errors)

        externalTrainee = TextField(
            "external-trainee", label: "LIS-ens ID", hint: "ID-en til LIS-en som trenger personen (36 tegn).",
            value: form.text("external-trainee"), errors: errors, autocomplete: "off")
        externalRole = SelectField(
            "external-role", label: "Rolle",
            options: [(Role.supervisor.rawValue, "Supervisør"), (Role.veileder.rawValue, "Veileder"), (Role.leder.rawValue, "Leder")],
            selected: form["external-role"] ?? Role.supervisor.rawValue, errors: errors)
        externalEmail = TextField(
            "external-email", label: "E-postadressen til personen", hint: "Invitasjonen med lenken sendes hit.",
            value: form.text("external-email"), errors: errors, type: "email")
        externalReplaces = form["external-replaces"] == "ja"
        externalReason = TextField(
            "external-reason", label: "Begrunnelse",
            hint: "Hvorfor brukerstøtte inviterer. LIS-en ser begrunnelsen i tilgangsloggen.",
            value: form.text("external-reason"), errors: errors)
    }
}
