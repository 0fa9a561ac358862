import Domain

/// The page for an invitation link that cannot be used: what happened and what to do next, which depends on
/// who sent it (support names a signer; a LIS invites a leder, veileder or supervisør).
struct InvitationProblemPage: Sendable {
    enum Kind: Sendable {
        case signer
        case role
    }

    let layout: PageLayout
    let heading: String
    let message: String
    let advice: String
    let showOwnTenants: Bool
    let showStart: Bool

    init(_ error: InvitationError, for kind: Kind, visitor: Visitor) {
        self.message = error.message
        let sender = kind == .signer ? "brukerstøtte" : "legen som inviterte deg"
        switch error {
        case .expired:
            self.heading = "Invitasjonen er utløpt"
            self.advice = "Lenken i e-posten gjelder i 14 dager. Be \(sender) om å sende deg en ny invitasjon."
        case .revoked:
            self.heading = "Invitasjonen er trukket tilbake"
            self.advice =
                kind == .signer
                ? "Brukerstøtte har trukket invitasjonen tilbake, for eksempel fordi en annen skal signere. Ta kontakt med brukerstøtte hvis du mener det er feil."
                : "Legen har trukket invitasjonen tilbake, for eksempel fordi en annen skal ha rollen. Ta kontakt med legen hvis du mener det er feil."
        case .alreadyUsed:
            self.heading = "Invitasjonen er allerede brukt"
            self.advice =
                kind == .signer
                ? "Hvis det var du som godtok den, finner du virksomheten under «Mine virksomheter». Ellers kan du be brukerstøtte om en ny invitasjon."
                : "Hvis det var du som godtok den, finner du rollen under «Mine roller». Ellers kan du be legen om en ny invitasjon."
        case .role(let refusal):
            self.heading = "Du kan ikke ta denne rollen"
            self.advice = "\(refusal.message) Ta kontakt med legen som inviterte deg."
        default:
            self.heading = "Vi finner ikke invitasjonen"
            self.advice =
                "Sjekk at du har brukt hele lenken fra e-posten. Hvis lenken er kopiert, kan en del av den mangle."
        }
        self.layout = PageLayout(title: heading, visitor: visitor)
        self.showOwnTenants = visitor.principal != nil && kind == .signer
        self.showStart = visitor.principal != nil && kind == .role
    }
}
