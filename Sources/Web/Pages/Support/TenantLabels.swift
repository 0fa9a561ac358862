import Domain

/// The bokmål names of a tenant's status and kind, as support's console shows them.
enum TenantLabels {
    static func status(_ status: TenantStatus) -> String {
        switch status {
        case .registered: "Registrert, ingen avtale"
        case .agreementPending: "Avtale under arbeid"
        case .active: "Aktiv"
        case .suspended: "Midlertidig stengt"
        case .terminated: "Avsluttet"
        }
    }

    static func tone(_ status: TenantStatus) -> String {
        switch status {
        case .active: "success"
        case .agreementPending: "warning"
        case .suspended, .terminated: "danger"
        case .registered: ""
        }
    }

    static func kind(_ kind: TenantKind) -> String {
        switch kind {
        case .kommune: "Kommune"
        case .virksomhet: "Virksomhet"
        }
    }

    /// A tenant event's action in bokmål; one the console does not know is shown as recorded.
    static func event(_ action: String) -> String {
        switch action {
        case "create": "Opprettet"
        case "provision": "Database opprettet"
        case "suspend": "Midlertidig stengt"
        case "resume": "Åpnet igjen"
        case "terminate": "Avtalen sagt opp"
        case "agreement.sign": "Avtale signert av virksomheten"
        case "agreement.countersign": "Avtale kontrasignert"
        case "data.delete": "Data slettet"
        default: action
        }
    }
}
