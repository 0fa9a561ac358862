import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// `/brukerstotte/avtaleversjoner?versjon=`: the tenants with an agreement in force that have not signed a
/// version (by default the current one), so support can ask them to sign the new text.
struct SupportVersionsPage: Sendable {
    struct Row: Sendable {
        let name: String
        let href: String
        let inForce: String
    }

    static let path = "/brukerstotte/avtaleversjoner"

    let layout: PageLayout
    let version: String
    let versions: SelectField
    let rows: [Row]
    let hasRows: Bool
    let resultText: String

    init(version: String, versions: [String], current: String, tenants: [(tenant: Tenant, inForce: String)], visitor: Visitor) {
        self.layout = PageLayout(title: "Brukerstøtte – avtaleversjoner", visitor: visitor)
        self.version = version
        self.versions = SelectField(
            "versjon", label: "Avtaleversjon",
            options: versions.map { ($0, $0 == current ? "\($0) (gjeldende)" : $0) }, selected: version)
        self.rows = tenants.map {
            Row(name: $0.tenant.name, href: SupportPages.tenantPath($0.tenant.id.rawValue), inForce: $0.inForce)
        }
        self.hasRows = !rows.isEmpty
        self.resultText =
            rows.isEmpty
            ? "Alle virksomheter med avtale i kraft har signert versjon \(version)."
            : "\(rows.count) virksomheter har avtale i kraft, men ikke på versjon \(version)."
    }

    /// `GET /brukerstotte/avtaleversjoner`.
    static func serve<Context: PortalRequestContext>(
        _ request: Request, _ context: Context, engine: Engine, renderer: PageRenderer
    ) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        let available = try engine.agreements.templateVersions(by: caller)
        let requested = request.uri.queryParameters["versjon"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let (version, tenants) = try engine.agreements.tenantsNotOnVersion(requested, by: caller)
        let page = SupportVersionsPage(
            version: version, versions: available.versions, current: available.current, tenants: tenants,
            visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "support-versions"))
    }
}
