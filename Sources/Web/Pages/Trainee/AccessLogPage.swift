import Domain
import Engine
import Foundation

/// «Hvem har sett mine data»: who read or changed the LIS's data, when, in which role, and why (support).
struct AccessLogPage: Sendable {
    struct Row: Sendable {
        let at: String
        let who: String
        let role: String
        let what: String
        let reason: String
    }

    let layout: PageLayout
    let homeHref: String
    let rows: [Row]
    let hasRows: Bool

    init(entries: [AccessLogEntry], tenant: Tenant, visitor: Visitor) {
        self.layout = PageLayout(title: "Hvem har sett mine data", visitor: visitor)
        self.homeHref = TraineePages.homePath(tenant.id.rawValue)
        self.rows = entries.map {
            Row(
                at: NorwegianTime.dateTime($0.at), who: $0.actorName, role: $0.role.norwegianName.capitalizedFirst,
                what: Self.operation($0.operation), reason: $0.reason ?? "")
        }
        self.hasRows = !rows.isEmpty
    }

    static func operation(_ operation: TraineeOperation) -> String {
        switch operation {
        case .readRecord: "Leste opplysningene dine"
        case .readRoles: "Så hvem som har roller for deg"
        case .readAccessLog: "Leste tilgangsloggen"
        case .inviteRole: "Inviterte eller trakk tilbake en invitasjon"
        case .acceptInvitation: "Godtok en invitasjon"
        case .replaceRole: "Erstattet leder eller veileder"
        case .assignPlan: "Endret utdanningsplanene dine"
        case .submitActivity: "Registrerte eller sendte en læringsaktivitet"
        case .signActivity: "Godkjente eller avviste en læringsaktivitet"
        case .submitObjective: "Sendte et læringsmål til godkjenning"
        case .approveObjective: "Godkjente eller underkjente et læringsmål"
        case .createTalk: "Planla en veiledningssamtale"
        case .writeTalk: "Skrev i en veiledningssamtale"
        case .finaliseTalk: "Ferdigstilte en veiledningssamtale"
        case .readTalkMinutes: "Leste referat fra veiledningssamtaler"
        case .readProgressReport: "Leste fremdriften din (aktiviteter og læringsmål)"
        case .importRecord: "Hentet inn godkjenninger fra en tidligere arbeidsgiver"
        case .downloadCompletion: "Lastet ned bekreftelse på gjennomført tjeneste"
        }
    }
}
