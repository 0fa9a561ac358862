import Domain
import Engine

/// Where a tenant's agreement stands, as a signer and support read it: no agreement, awaiting the
/// vendor's countersignature, in force since a date, or terminated from a date.
struct AgreementStatus: Sendable {
    let text: String
    /// The tag's colour: `success`, `warning`, `danger` or empty; the text always says it too.
    let tone: String

    init(tenant: Tenant, agreements: [Agreement]) {
        if let closes = tenant.closesAt {
            text = "Sagt opp fra \(AgreementMail.norwegianDate(closes))"
            tone = "danger"
        } else if let inForce = agreements.first(where: { $0.state == .inForce }) {
            let since = inForce.countersignature?.at ?? inForce.signature.at
            text = "Gjelder fra \(AgreementMail.norwegianDate(since))"
            tone = "success"
        } else if agreements.contains(where: { $0.state == .awaitingCountersignature }) {
            text = "Venter på kontrasignatur fra brukerstøtte"
            tone = "warning"
        } else {
            text = "Ingen avtale"
            tone = ""
        }
    }
}

/// One agreement on record, as a row of the history table.
struct AgreementRecordRow: Sendable {
    let id: String
    let version: String
    let state: String
    let channel: String
    let signedBy: String
    let signedOn: String
    /// «Name, dd.mm.åååå», or «Ikke ennå».
    let countersigned: String
    let documentHash: String
    let downloadHref: String?
    /// The agreement as signed, to read and print.
    let copyHref: String?

    /// - Parameter downloadBase: the page the sealed file hangs under, when the viewer may download it.
    init(_ agreement: Agreement, isSealed: Bool, downloadBase: String?) {
        let id = agreement.id.lowercasedText
        self.id = id
        self.version = agreement.templateVersion
        self.state = Self.stateText(agreement.state)
        self.channel = agreement.channel == .paper ? "På papir" : "Elektronisk"
        self.signedBy = agreement.signature.name
        self.signedOn = AgreementMail.norwegianDate(agreement.signature.at)
        self.countersigned =
            agreement.countersignature.map { "\($0.name), \(AgreementMail.norwegianDate($0.at))" }
            ?? "Ikke ennå"
        self.documentHash = agreement.documentHash
        self.downloadHref = isSealed ? downloadBase.map { "\($0)/\(id)/forseglet" } : nil
        self.copyHref = downloadBase.map { "\($0)/\(id)" }
    }

    static func stateText(_ state: AgreementState) -> String {
        switch state {
        case .awaitingCountersignature: "Venter på kontrasignatur"
        case .inForce: "I kraft"
        case .superseded: "Erstattet av nyere versjon"
        case .terminated: "Sagt opp"
        }
    }
}
