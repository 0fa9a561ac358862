import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// Support's console: the tenants (search, filters, pages), one tenant's page, naming its signer and
/// countersigning its agreement (the tenant page's other actions are `SupportTenantActions`). Every action is the engine's, through a `PlatformCaller` that only
/// support staff can be, so it lands in the same events and audit chain as through the API. Anyone else
/// logged in gets the same 404 as for a page that does not exist.
struct SupportPages: Sendable {
    static let listPathBase = "/brukerstotte"

    let engine: Engine
    let renderer: PageRenderer
    let tenantRows: FragmentCache<SupportTenantsPage.Row>
    let tenantFilters: FragmentCache<SupportTenantsPage.Filters>

    static func tenantPath(_ id: String) -> String { "\(listPathBase)/virksomhet/\(id)" }
    static func countersignPath(_ id: UUID) -> String {
        "\(listPathBase)/avtaler/\(id.lowercasedText)/kontrasigner"
    }

    /// The list's address for a search and page.
    static func listPath(_ search: TenantSearch, page: Int) -> String {
        var query = ["side=\(page)"]
        if !search.text.isEmpty { query.append("sok=" + LoginPages.queryValue(search.text)) }
        if let status = search.status { query.append("status=\(status.rawValue)") }
        if let kind = search.kind { query.append("type=\(kind.rawValue)") }
        return listPathBase + "?" + query.joined(separator: "&")
    }

    /// `GET /brukerstotte?sok=&status=&type=&side=`.
    func tenants<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        let query = request.uri.queryParameters
        let search = TenantSearch(
            text: String((query["sok"] ?? "").prefix(100)),
            status: query["status"].flatMap { TenantStatus(rawValue: String($0)) },
            kind: query["type"].flatMap { TenantKind(rawValue: String($0)) },
            page: query["side"].flatMap { Int($0) } ?? 1)
        let result = try engine.support.searchTenants(search, by: caller)
        let awaiting = try engine.agreements.awaitingCountersignature(by: caller).map(\.agreement)
        var names: [TenantID: String] = [:]
        for agreement in awaiting {
            names[agreement.tenantID] = try engine.support.tenant(agreement.tenantID.rawValue, by: caller).name
        }
        let page = SupportTenantsPage(
            search: search, result: result, awaiting: awaiting, tenantNames: names, visitor: context.visitor)
        let filters = try tenantFilters.fragment(page.filters) { page.filters }
        // No rows: the table and its slot are not on the page.
        let fragments = page.hasRows ? [filters, try tenantRows.fragments(page.rows)] : [filters]
        return HTMLPage.response(try renderer.render(page, template: "support-tenants", placing: fragments))
    }

    /// `GET /brukerstotte/virksomhet/{tenantId}`.
    func tenant<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        let notice = SupportNotice.text(request.uri.queryParameters["utfort"])
        let page = try tenantPage(
            try context.parameters.require("tenantId"), caller: caller, visitor: context.visitor, notice: notice)
        return HTMLPage.response(try renderer.render(page, template: "support-tenant"))
    }

    /// `POST /brukerstotte/virksomhet/{tenantId}/signatar`: names the signer; they get the e-mail link.
    func inviteSigner<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let tenantID = try context.parameters.require("tenantId")
        let caller = try context.visitor.requireSupport(returningTo: Self.tenantPath(tenantID))
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        var errors = FormErrors()
        // Every field checked at once, so the form says all that is wrong; the engine checks again.
        _ = errors.check("signer-name", label: "Navn") { try Tenant.validName(form.text("signer-name")) }
        let email = form.text("signer-email")
        _ = errors.check(
            "signer-email", label: "E-postadresse",
            message: email.isEmpty ? nil : "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no."
        ) { try Trainee.validEmail(email) }
        let number = form.text("signer-organisation-number")
        if !number.isEmpty {
            _ = errors.check("signer-organisation-number", label: "Organisasjonsnummer") {
                try OrganisationNumber(number)
            }
        }
        if !errors.hasErrors {
            do {
                let invitation = try await engine.agreements.inviteAdministrator(
                    try TenantID(tenantID), name: form.text("signer-name"), email: form.text("signer-email"),
                    organisationNumber: number.isEmpty ? nil : number, by: caller)
                return HTMLPage.seeOther(Self.tenantPath(invitation.tenantID.rawValue) + "?utfort=invitert")
            } catch let failure as any DescribedFailure
                where failure.category == .invalid || failure.category == .conflict
            {
                errors.add(
                    failure,
                    fields: [
                        "name": "signer-name", "email": "signer-email",
                        "organisationNumber": "signer-organisation-number",
                    ],
                    fallback: "signer-name")
            }
        }
        return try refusedTenantForm(tenantID, caller: caller, context: context, form: form, errors: errors)
    }

    /// The tenant's page again after one of its forms was refused: what was typed, the messages, 400.
    func refusedTenantForm<Context: PortalRequestContext>(
        _ tenantID: String, caller: PlatformCaller, context: Context, form: FormFields, errors: FormErrors
    ) throws -> Response {
        let page = try tenantPage(tenantID, caller: caller, visitor: context.visitor, form: form, errors: errors)
        return HTMLPage.response(try renderer.render(page, template: "support-tenant"), status: .badRequest)
    }

    /// `POST /brukerstotte/avtaler/{agreementId}/kontrasigner`: countersigns and seals; the tenant opens.
    func countersign<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: Self.listPathBase)
        guard let id = UUID(uuidString: try context.parameters.require("agreementId")) else {
            throw AgreementError.unknownAgreement
        }
        let countersigned = try await engine.agreements.countersign(id, by: caller)
        return HTMLPage.seeOther(Self.tenantPath(countersigned.agreement.tenantID.rawValue) + "?utfort=kontrasignert")
    }

    /// The tenant's page; with the posted form and its refusals when one of its forms was refused.
    func tenantPage(
        _ rawID: String, caller: PlatformCaller, visitor: Visitor, form: FormFields = FormFields(),
        errors: FormErrors = FormErrors(), notice: String? = nil
    ) throws -> SupportTenantPage {
        let tenant = try engine.support.tenant(rawID, by: caller)
        let agreements = try engine.agreements.agreements(of: tenant.id, by: caller).map {
            (agreement: $0.agreement, sealed: $0.sealed != nil)
        }
        let events = try engine.support.events(of: rawID, by: caller).map {
            SupportTenantPage.Event(
                at: $0.at, action: $0.action, from: $0.from, to: $0.to, actor: $0.actor, reason: $0.reason)
        }
        let forms = SupportTenantForms(
            tenant: tenant, versions: try engine.agreements.templateVersions(by: caller), form: form, errors: errors)
        return SupportTenantPage(
            tenant: tenant, agreements: agreements, events: events, forms: forms, visitor: visitor, form: form,
            errors: errors, notice: notice)
    }
}
