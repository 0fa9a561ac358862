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
