import Domain
import Engine

/// `/kontaktperson/godta`: who invites whom to what, then a login or the one button that accepts.
struct SignerInvitationPage: Sendable {
    let layout: PageLayout
    let invitedName: String
    let tenantName: String
    let expiresOn: String
    let tenantID: String
    let token: String
    let loggedIn: Bool
    let personName: String
    let loginHref: String

    init(invitation: AdministratorInvitation, tenant: Tenant, token: String, returnPath: String, visitor: Visitor) {
        self.layout = PageLayout(title: "Invitasjon til å signere databehandleravtalen", visitor: visitor)
        self.invitedName = invitation.name
        self.tenantName = tenant.name
        self.expiresOn = AgreementMail.norwegianDate(invitation.expiresAt)
        self.tenantID = tenant.id.rawValue
        self.token = token
        self.loggedIn = visitor.principal != nil
        self.personName = visitor.principal?.name ?? ""
        self.loginHref = LoginPages.loginPath(returningTo: returnPath)
    }
}

/// The page for a signer's link that cannot be used: what happened and what to do next.
struct InvitationProblemPage: Sendable {
    let layout: PageLayout
    let heading: String
    let message: String
    let advice: String
    let showOwnTenants: Bool

    init(_ error: InvitationError, visitor: Visitor) {
        self.message = error.message
        switch error {
        case .expired:
            self.heading = "Invitasjonen er utløpt"
            self.advice = "Lenken i e-posten gjelder i 14 dager. Be brukerstøtte om å sende deg en ny invitasjon."
        case .revoked:
            self.heading = "Invitasjonen er trukket tilbake"
            self.advice =
                "Brukerstøtte har trukket invitasjonen tilbake, for eksempel fordi en annen skal signere. Ta kontakt med brukerstøtte hvis du mener det er feil."
        case .alreadyUsed:
            self.heading = "Invitasjonen er allerede brukt"
            self.advice =
                "Hvis det var du som godtok den, finner du virksomheten under «Mine virksomheter». Ellers kan du be brukerstøtte om en ny invitasjon."
        default:
            self.heading = "Vi finner ikke invitasjonen"
            self.advice =
                "Sjekk at du har brukt hele lenken fra e-posten. Hvis lenken er kopiert, kan en del av den mangle."
        }
        self.layout = PageLayout(title: heading, visitor: visitor)
        self.showOwnTenants = visitor.principal != nil
    }
}
