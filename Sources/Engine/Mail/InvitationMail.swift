import Domain
import Foundation

/// The invitation e-mail, in Norwegian (bokmål): the text is the template `Mail/Templates/role-invitation`.
enum InvitationMail {
    static func compose(
        _ invitation: Invitation, trainee: Trainee, tenant: Tenant, token: String, baseURL: String, id: UUID
    ) -> OutgoingMail {
        let role = roleName(invitation.role)
        var link = URLComponents(string: baseURL + "/invitasjon") ?? URLComponents()
        link.queryItems = [URLQueryItem(name: "tenant", value: tenant.id.rawValue), URLQueryItem(name: "token", value: token)]
        struct View {
            let traineeName, role, tenantName, link, expires: String
            let replacesHolder: Bool
        }
        let body = MailTemplates.render(
            View(
                traineeName: trainee.name, role: role, tenantName: tenant.name, link: link.string ?? baseURL,
                expires: AgreementMail.norwegianDate(invitation.expiresAt), replacesHolder: invitation.replacesHolder),
            template: "role-invitation")
        return OutgoingMail(
            id: id, recipient: invitation.email, subject: "Invitasjon: \(role) for \(trainee.name)", body: body)
    }

    static func roleName(_ role: Role) -> String {
        switch role {
        case .lis: "lege i spesialisering"
        case .leder: "leder"
        case .veileder: "veileder"
        case .supervisor: "supervisør"
        case .tenantAdministrator: "kontaktperson"
        case .support: "brukerstøtte"
        }
    }
}
