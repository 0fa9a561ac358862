import Domain
import Engine

/// `/brukerstotte`: the tenants, searched and filtered, one page at a time; and the agreements that wait
/// for the vendor's countersignature.
struct SupportTenantsPage: Sendable {
    struct Option: Sendable, Hashable {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The search form: the text searched for and the two lists with their choices marked. Rendered once
    /// per search (`FragmentCache`, by all it shows): its ten options were half of the page's template work.
    struct Filters: Sendable, Hashable {
        let text: String
        let statuses: [Option]
        let kinds: [Option]
    }

    struct Row: Sendable, Hashable {
        let id: String
        let name: String
        let kind: String
        let kommunenummer: String
        let organisationNumber: String
        let status: String
        let tone: String
        let href: String
    }

    struct Awaiting: Sendable {
        let tenantName: String
        let href: String
        let version: String
        let signedBy: String
        let signedOn: String
    }

    struct PageLink: Sendable {
        let label: String
        let href: String
    }

    let layout: PageLayout
    let filters: Filters
    let rows: [Row]
    let hasRows: Bool
    let resultText: String
    let previous: PageLink?
    let next: PageLink?
    let pageText: String
    let awaiting: [Awaiting]
    let hasAwaiting: Bool
    /// The search form (`support-filters`), then the rows (`support-tenant-row`), are placed at the page's
    /// two slots, in that order.
    let fragmentSlot = RenderedFragment.slot

    init(
        search: TenantSearch, result: TenantSearch.Page, awaiting: [Agreement], tenantNames: [TenantID: String],
        visitor: Visitor
    ) {
        self.layout = PageLayout(title: "Brukerstøtte – virksomheter", visitor: visitor)
        self.filters = Filters(
            text: search.text,
            statuses: [Option(value: "", label: "Alle", selected: search.status == nil)]
                + TenantStatus.allCases.map {
                    Option(value: $0.rawValue, label: TenantLabels.status($0), selected: $0 == search.status)
                },
            kinds: [Option(value: "", label: "Alle", selected: search.kind == nil)]
                + [TenantKind.kommune, .virksomhet].map {
                    Option(value: $0.rawValue, label: TenantLabels.kind($0), selected: $0 == search.kind)
                })
        self.rows = result.tenants.map {
            Row(
                id: $0.id.rawValue, name: $0.name, kind: TenantLabels.kind($0.kind),
                kommunenummer: $0.kommunenummer?.rawValue ?? "",
                organisationNumber: $0.organisationNumber?.rawValue ?? "",
                status: TenantLabels.status($0.status), tone: TenantLabels.tone($0.status),
                href: SupportPages.tenantPath($0.id.rawValue))
        }
        self.hasRows = !rows.isEmpty
        self.resultText = result.total == 0 ? "Ingen virksomheter passer til søket." : "\(result.total) virksomheter."
        self.pageText = "Side \(result.page) av \(result.pageCount)"
        self.previous =
            result.page > 1
            ? PageLink(label: "Forrige side", href: SupportPages.listPath(search, page: result.page - 1)) : nil
        self.next =
            result.page < result.pageCount
            ? PageLink(label: "Neste side", href: SupportPages.listPath(search, page: result.page + 1)) : nil
        self.awaiting = awaiting.map {
            Awaiting(
                tenantName: tenantNames[$0.tenantID] ?? $0.tenantID.rawValue,
                href: SupportPages.tenantPath($0.tenantID.rawValue),
                version: $0.templateVersion, signedBy: $0.signature.name,
                signedOn: AgreementMail.norwegianDate($0.signature.at))
        }
        self.hasAwaiting = !self.awaiting.isEmpty
    }
}
