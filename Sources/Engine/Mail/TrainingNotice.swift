import Domain
import Foundation

/// The e-mail notices of the training work, in bokmål: to the person something now waits for (an activity
/// to sign, an objective to approve), and to the LIS when it was decided. A notice names the LIS and what
/// waits, never its content (no note, no comment, no objective text), and links to the page where the
/// person acts.
enum TrainingNotice {
    enum Waiting {
        case activityToSign
        case objectiveToApprove

        var what: String { self == .activityToSign ? "en læringsaktivitet" : "et læringsmål" }
        var action: String { self == .activityToSign ? "godkjenner eller avviser den" : "godkjenner eller underkjenner det" }
    }

    static func waiting(
        _ kind: Waiting, recipient: (name: String, email: String), traineeName: String, tenant: Tenant,
        baseURL: String, id: UUID
    ) -> OutgoingMail {
        struct View {
            let recipientName, traineeName, what, action, tenantName, link: String
        }
        let link =
            kind == .activityToSign
            ? baseURL + "/til-signering" : baseURL + "/virksomhet/\(tenant.id.rawValue)/til-godkjenning"
        let body = MailTemplates.render(
            View(
                recipientName: recipient.name, traineeName: traineeName, what: kind.what, action: kind.action,
                tenantName: tenant.name, link: link),
            template: "work-waiting")
        let subject = kind == .activityToSign ? "Til signering: \(traineeName)" : "Til godkjenning: \(traineeName)"
        return OutgoingMail(id: id, recipient: recipient.email, subject: subject, body: body)
    }

    static func decided(
        what: String, verdict: String, deciderName: String, trainee: Trainee, email: String, tenant: Tenant,
        baseURL: String, id: UUID
    ) -> OutgoingMail {
        struct View {
            let recipientName, deciderName, verdict, what, tenantName, link: String
        }
        let body = MailTemplates.render(
            View(
                recipientName: trainee.name, deciderName: deciderName, verdict: verdict, what: what,
                tenantName: tenant.name, link: baseURL + "/start"),
            template: "work-decided")
        return OutgoingMail(
            id: id, recipient: email, subject: "\(what.capitalizedFirstLetter) er \(verdict)", body: body)
    }
}

extension TrainingNotice {
    static func talkPlanned(
        on date: CalendarDate, veilederName: String, trainee: Trainee, email: String, tenant: Tenant, baseURL: String,
        id: UUID
    ) -> OutgoingMail {
        struct View {
            let recipientName, veilederName, date, tenantName, link: String
        }
        let day = date.norwegian
        let body = MailTemplates.render(
            View(
                recipientName: trainee.name, veilederName: veilederName, date: day, tenantName: tenant.name,
                link: baseURL + "/virksomhet/\(tenant.id.rawValue)/lis/\(trainee.id.lowercasedText)/samtaler"),
            template: "talk-planned")
        return OutgoingMail(id: id, recipient: email, subject: "Veiledningssamtale \(day)", body: body)
    }
}

extension String {
    fileprivate var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
