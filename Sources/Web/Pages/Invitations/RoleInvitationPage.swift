import Domain
import Engine

/// `/invitasjon`: «Lise Lege inviterer deg til å være leder for henne i Oslo», then a login or the button.
struct RoleInvitationPage: Sendable {
    let layout: PageLayout
    let traineeName: String
    let roleName: String
    let email: String
    let tenantName: String
    let tenantID: String
    let expiresOn: String
    let token: String
    let sentBySupport: Bool
    let replacesHolder: Bool
    let duties: String
    let loggedIn: Bool
    let personName: String
    let loginHref: String

    init(link: RoleInvitationLink, token: String, returnPath: String, visitor: Visitor) {
        let role = link.invitation.role
        self.layout = PageLayout(title: "Invitasjon som \(role.norwegianName)", visitor: visitor)
        self.traineeName = link.traineeName
        self.roleName = role.norwegianName
        self.email = link.invitation.email
        self.tenantName = link.tenant.name
        self.tenantID = link.tenant.id.rawValue
        self.expiresOn = AgreementMail.norwegianDate(link.invitation.expiresAt)
        self.token = token
        self.sentBySupport = link.sentBySupport
        self.replacesHolder = link.invitation.replacesHolder
        self.duties = Self.duties(role)
        self.loggedIn = visitor.principal != nil
        self.personName = visitor.principal?.name ?? ""
        self.loginHref = LoginPages.loginPath(returningTo: returnPath)
    }

    /// What the role does, from the sources (DOMAIN.md, «People and roles»).
    static func duties(_ role: Role) -> String {
        switch role {
        case .leder:
            "Som leder tildeler du utdanningsplaner, godkjenner eller underkjenner læringsmål etter råd fra veileder og minst én supervisør, og følger framdriften i en fremdriftsrapport."
        case .veileder:
            "Som veileder planlegger og ferdigstiller du veiledningssamtaler, og signerer læringsaktiviteter som planen sender til deg."
        case .supervisor:
            "Som supervisør godkjenner eller underkjenner du læringsaktiviteter som legen sender til deg."
        default:
            ""
        }
    }
}
