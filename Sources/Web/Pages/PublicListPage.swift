import Domain
import Engine
import Foundation

/// `/avtaler`: every kommune and whether its databehandleravtale is in force, searchable by name and
/// filterable by fylke on the server (a GET form, so the result has an address and needs no script).
struct PublicListPage: Sendable {
    struct Option: Sendable {
        let value: String
        let selected: Bool
    }

    struct Row: Sendable {
        let kommunenummer: String
        let name: String
        let fylke: String
        let inForce: Bool
        let since: String
    }

    struct Virksomhet: Sendable {
        let name: String
        let since: String
    }

    let layout: PageLayout
    let search: String
    let fylker: [Option]
    let anyFylkeSelected: Bool
    let kommuner: [Row]
    let hasKommuner: Bool
    let virksomheter: [Virksomhet]
    let hasVirksomheter: Bool
    let summary: String
    let resultText: String
    let isFiltered: Bool

    init(_ list: PublicAgreementList, search: String, fylke: String, visitor: Visitor) {
        self.layout = PageLayout(title: "Databehandleravtaler", visitor: visitor)
        self.search = search
        self.fylker = list.fylker.map { Option(value: $0, selected: $0 == fylke) }
        self.anyFylkeSelected = fylke.isEmpty
        self.kommuner = list.kommuner.map {
            Row(
                kommunenummer: $0.tenant.kommunenummer?.rawValue ?? "", name: $0.tenant.name, fylke: $0.fylke ?? "",
                inForce: $0.inForceSince != nil, since: $0.inForceSince.map(AgreementMail.norwegianDate) ?? "")
        }
        self.hasKommuner = !kommuner.isEmpty
        self.virksomheter = list.virksomheter.map {
            Virksomhet(name: $0.tenant.name, since: $0.inForceSince.map(AgreementMail.norwegianDate) ?? "")
        }
        self.hasVirksomheter = !virksomheter.isEmpty
        self.summary = "\(list.kommunerInForce) av \(list.kommunerTotal) kommuner har databehandleravtale i kraft."
        self.isFiltered = !search.isEmpty || !fylke.isEmpty
        self.resultText =
            list.kommuner.isEmpty
            ? "Ingen kommuner passer til søket."
            : "Viser \(list.kommuner.count) av \(list.kommunerTotal) kommuner."
    }
}
