/// What the console says after an action, named in the address it answers with (`?utfort=…`), so that a
/// reload shows the same page and sends nothing again.
enum SupportNotice {
    static func text(_ key: Substring?) -> String? {
        switch key.map(String.init) ?? "" {
        case "invitert": "Invitasjonen er sendt. Signataren får en e-post med en lenke som gjelder i 14 dager."
        case "kontrasignert":
            "Avtalen er kontrasignert og forseglet. Virksomheten er åpnet, og signataren får avtalen på e-post."
        case "papiravtale":
            "Papiravtalen er registrert og venter på kontrasignatur. Kontrasigner den i tabellen over avtaler."
        case "stengt": "Virksomheten er midlertidig stengt. Begrunnelsen står i hendelsesloggen."
        case "gjenapnet": "Virksomheten er åpnet igjen. Begrunnelsen står i hendelsesloggen."
        case "sagt-opp":
            "Avtalen er sagt opp. Virksomhetens kontaktperson, LIS og ledere får beskjed på e-post om når portalen stenger."
        case "ekstern-invitert":
            "Invitasjonen er sendt. Begrunnelsen vises i tilgangsloggen til LIS-en."
        case "godkjent": "Registreringen er godkjent. Virksomheten er opprettet, og søkeren er kontaktperson."
        case "avvist": "Registreringen er avvist. Søkeren får begrunnelsen på e-post."
        case "importert": "Katalogen er importert."
        default: nil
        }
    }
}
