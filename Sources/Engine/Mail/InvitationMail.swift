import Domain
import Foundation

/// The invitation e-mail, in Norwegian (bokmål).
enum InvitationMail {
    static func compose(
        _ invitation: Invitation, trainee: Trainee, tenant: Tenant, token: String, baseURL: String, id: UUID
    ) -> OutgoingMail {
        let role = roleName(invitation.role)
        var link = URLComponents(string: baseURL + "/invitations/accept") ?? URLComponents()
        link.queryItems = [URLQueryItem(name: "tenant", value: tenant.id.rawValue), URLQueryItem(name: "token", value: token)]
        let expires = AgreementMail.norwegianDate(invitation.expiresAt)
        let replacing = invitation.replacesHolder
            ? "\nNår du godtar, overtar du rollen fra nåværende \(role).\n" : ""
        let body = """
            Hei,

            \(trainee.name) har invitert deg til å være \(role) i Kompetanseportal hos \(tenant.name).
            \(replacing)
            Logg inn med HelseID og godta invitasjonen her:
            \(link.string ?? baseURL)

            Lenken kan brukes én gang og gjelder til og med \(expires).
            Har du ikke ventet denne invitasjonen, kan du se bort fra e-posten.

            Vennlig hilsen
            Kompetanseportal
            """
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
