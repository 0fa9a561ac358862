import struct Foundation.Date

/// Why an agreement step is refused. Every case names the problem so the user can act on it.
package enum AgreementError: DescribedFailure, Equatable {
    case securityLevelTooLow(SecurityLevel)
    case notAdministrator(TenantID)
    case supersededVersion(requested: String, current: String)
    case unknownVersion(String)
    case documentMismatch
    case alreadySigned(version: String)
    case awaitingCountersignature
    case alreadyCountersigned
    case notAwaitingCountersignature
    case unknownAgreement
    case templateRefused(version: String, reason: String)
    case noTemplate
    case noAgreementInForce
    /// Data return and deletion come after a termination's notice date, never before a termination.
    case notTerminated
    case alreadyTerminated
    case stillInNoticePeriod(closesOn: String)
    case noticeDateInPast
    case noticeDateTooFar
    case dataAlreadyDeleted
    case scanEmpty
    case scanNotPDF
    case scanTooLarge(maximum: Int)
    case sealKeyMissing
    case noExport
    /// Deleting a tenant's data needs a confirmation that names how many LIS have not taken their record.
    case deletionNotConfirmed(notTaken: Int, trainees: Int)

    package var code: String {
        switch self {
        case .securityLevelTooLow: "agreement.security-level-too-low"
        case .notAdministrator: "agreement.not-authorised"
        case .supersededVersion: "agreement.superseded-version"
        case .unknownVersion: "agreement.unknown-version"
        case .documentMismatch: "agreement.document-mismatch"
        case .alreadySigned: "agreement.already-signed"
        case .awaitingCountersignature: "agreement.awaiting-countersignature"
        case .alreadyCountersigned: "agreement.already-countersigned"
        case .notAwaitingCountersignature: "agreement.not-signed"
        case .unknownAgreement: "agreement.unknown"
        case .templateRefused: "agreement.template-refused"
        case .noTemplate: "agreement.no-template"
        case .noAgreementInForce: "agreement.not-in-force"
        case .notTerminated: "agreement.not-terminated"
        case .alreadyTerminated: "agreement.already-terminated"
        case .stillInNoticePeriod: "agreement.notice-period"
        case .noticeDateInPast: "agreement.notice-date-in-past"
        case .noticeDateTooFar: "agreement.notice-date-too-far"
        case .dataAlreadyDeleted: "agreement.data-deleted"
        case .scanEmpty, .scanNotPDF: "agreement.scan-not-pdf"
        case .scanTooLarge: "agreement.scan-too-large"
        case .sealKeyMissing: "agreement.seal-unavailable"
        case .noExport: "agreement.no-export"
        case .deletionNotConfirmed: "agreement.deletion-not-confirmed"
        }
    }

    package var detail: String {
        switch self {
        case .securityLevelTooLow(let level):
            "Signing requires a HelseID login at security level 4 (BankID or Buypass); this login is level \(level.rawValue). Log in again with a level-4 method"
        case .notAdministrator(let id):
            "You are not the authorised signer (tenant administrator) for \(id)"
        case .supersededVersion(let requested, let current):
            "Version \(requested) has been superseded; the version to sign now is \(current)"
        case .unknownVersion(let version): "No published agreement version is called \(version)"
        case .documentMismatch:
            "The document hash you confirmed is not the hash of the agreement offered now; open the agreement again and sign what you read"
        case .alreadySigned(let version): "The agreement version \(version) is already signed for this tenant"
        case .awaitingCountersignature: "A signed agreement already awaits countersignature by support"
        case .alreadyCountersigned: "This agreement is already countersigned"
        case .notAwaitingCountersignature: "Only an agreement signed by the tenant and not yet countersigned can be countersigned"
        case .unknownAgreement: "No such agreement for this tenant"
        case .templateRefused(let version, let reason):
            "Agreement version \(version) is not offered: \(reason). Support has been told by the server log"
        case .noTemplate: "No agreement version is in effect today"
        case .noAgreementInForce: "The tenant has no agreement in force to terminate"
        case .notTerminated:
            "The agreement has not been terminated; data can be returned or deleted only after a termination's notice date"
        case .alreadyTerminated: "The agreement is already terminated"
        case .stillInNoticePeriod(let date): "The agreement runs until \(date); data can be returned or deleted from then"
        case .noticeDateInPast: "noticeDate must be today or later"
        case .noticeDateTooFar: "noticeDate must be within one year"
        case .dataAlreadyDeleted: "The tenant's data has already been deleted"
        case .scanEmpty: "The upload is empty; send the scanned agreement as a PDF"
        case .scanNotPDF: "The upload is not a PDF (checked by its content, not its name)"
        case .scanTooLarge(let maximum): "The scan is larger than \(maximum / 1024 / 1024) MiB"
        case .sealKeyMissing: "The platform's sealing key is not configured (KP_SEAL_KEY)"
        case .noExport: "No data export exists for this tenant; choose data return first"
        case .deletionNotConfirmed(let notTaken, let trainees):
            "\(notTaken) of \(trainees) LIS have not downloaded their sealed record since the termination; "
                + "confirm the deletion with confirmNotTaken: \(notTaken)"
        }
    }

    package var message: String {
        switch self {
        case .securityLevelTooLow:
            "Signering krever innlogging på sikkerhetsnivå 4. Logg inn på nytt med BankID eller Buypass."
        case .notAdministrator: "Bare virksomhetens administrator kan signere avtalen."
        case .supersededVersion(_, let current):
            "Denne versjonen av avtalen er erstattet. Les og signer versjon \(current)."
        case .unknownVersion: "Vi finner ingen publisert avtaleversjon med dette navnet."
        case .documentMismatch: "Avtalen er endret siden du åpnet den. Åpne den på nytt, og signer det du har lest."
        case .alreadySigned: "Denne versjonen av avtalen er allerede signert."
        case .awaitingCountersignature: "En signert avtale venter allerede på kontrasignering fra brukerstøtte."
        case .alreadyCountersigned: "Avtalen er allerede kontrasignert."
        case .notAwaitingCountersignature:
            "Bare en avtale som virksomheten har signert, og som ikke er kontrasignert ennå, kan kontrasigneres."
        case .unknownAgreement: "Vi finner ikke denne avtalen."
        case .templateRefused:
            "Denne avtaleversjonen kan ikke tilbys nå. Brukerstøtte er varslet; prøv igjen senere."
        case .noTemplate: "Ingen avtaleversjon gjelder i dag. Kontakt brukerstøtte."
        case .noAgreementInForce: "Virksomheten har ingen gjeldende avtale å si opp."
        case .notTerminated:
            "Avtalen er ikke sagt opp. Data kan tilbakeleveres eller slettes først når avtalen er sagt opp og oppsigelsesdatoen er nådd."
        case .alreadyTerminated: "Avtalen er allerede sagt opp."
        case .stillInNoticePeriod(let date):
            "Avtalen løper til \(date.split(separator: "-").reversed().joined(separator: ".")). "
                + "Data kan leveres tilbake eller slettes fra da."
        case .noticeDateInPast: "Oppsigelsesdatoen kan ikke være tilbake i tid."
        case .noticeDateTooFar: "Oppsigelsesdatoen må være innen ett år fra i dag."
        case .dataAlreadyDeleted: "Virksomhetens data er allerede slettet."
        case .scanEmpty: "Filen er tom. Last opp den skannede avtalen som PDF."
        case .scanNotPDF: "Filen er ikke en PDF. Last opp den skannede avtalen som PDF."
        case .scanTooLarge(let maximum): "Filen er for stor. Den kan være på høyst \(maximum / 1024 / 1024) MB."
        case .sealKeyMissing: "Plattformens seglnøkkel er ikke satt opp. Kontakt brukerstøtte."
        case .noExport: "Det finnes ingen dataeksport for virksomheten. Velg tilbakelevering av data først."
        case .deletionNotConfirmed(let notTaken, let trainees):
            "\(notTaken) av \(trainees) LIS har ikke lastet ned sin forseglede dokumentasjon siden oppsigelsen. "
                + "Bekreft slettingen med antallet \(notTaken); dataene kan ikke hentes fram igjen."
        }
    }

    package var category: FailureCategory {
        switch self {
        case .securityLevelTooLow, .notAdministrator: .forbidden
        case .unknownAgreement, .unknownVersion, .noExport: .notFound
        case .documentMismatch, .noticeDateInPast, .noticeDateTooFar: .invalid
        case .scanEmpty, .scanNotPDF: .unsupportedType
        case .scanTooLarge: .tooLarge
        case .templateRefused, .noTemplate, .sealKeyMissing: .unavailable
        case .dataAlreadyDeleted: .gone
        case .supersededVersion, .alreadySigned, .awaitingCountersignature, .alreadyCountersigned,
            .notAwaitingCountersignature, .noAgreementInForce, .notTerminated, .alreadyTerminated, .stillInNoticePeriod,
            .deletionNotConfirmed:
            .conflict
        }
    }
}
