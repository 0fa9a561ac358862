import Domain
import Engine
import Foundation
import HTTPTypes
import Hummingbird

/// The plan catalog in the console: what is stored, and the import of a file by upload (the same
/// all-or-nothing `CatalogDesk.importFile` as the API and `kp catalog import`, with the support person's
/// caller, so each added version has its audit entry).
struct SupportCatalogPages: Sendable {
    static let path = "/brukerstotte/katalog"

    let engine: Engine
    let renderer: PageRenderer
    let uploadLimit: Int

    /// `GET /brukerstotte/katalog`.
    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: request.pathAndQuery)
        let query = request.uri.queryParameters
        let notice = query["lagt-til"].map { added in
            "Katalogen er importert: \(added) nye planversjoner, \(query["uendret"] ?? "0") uendret."
        }
        let page = SupportCatalogPage(plans: try plans(caller), visitor: context.visitor, notice: notice)
        return HTMLPage.response(try renderer.render(page, template: "support-catalog"))
    }

    /// `POST /brukerstotte/katalog` (multipart): imports the file, or shows every problem in it.
    func importFile<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let caller = try context.visitor.requireSupport(returningTo: Self.path)
        var request = request
        let form = try await FormFields.read(&request, limit: uploadLimit)
        var errors = FormErrors()
        var failure: CatalogImportFailure?
        let bytes = form.file("catalog-file") ?? []
        if bytes.isEmpty {
            errors.add("catalog-file", "Velg katalogfilen du vil importere.", label: "Katalogfil")
        } else {
            do {
                let decisions = try await engine.catalog.importFile(Data(bytes), by: caller)
                let added = decisions.filter { if case .added = $0 { true } else { false } }.count
                return HTMLPage.seeOther(Self.path + "?lagt-til=\(added)&uendret=\(decisions.count - added)")
            } catch let refused as CatalogImportFailure {
                failure = refused
                errors.add("catalog-file", refused.message, label: "Katalogfil")
            }
        }
        let page = SupportCatalogPage(
            plans: try plans(caller), visitor: context.visitor, errors: errors, failure: failure)
        return HTMLPage.response(try renderer.render(page, template: "support-catalog"), status: .badRequest)
    }

    /// The stored plan versions as the page lists them.
    private func plans(_ caller: PlatformCaller) throws -> [SupportCatalogPage.Plan] {
        try engine.catalog.plans(by: caller).map {
            SupportCatalogPage.Plan(
                key: $0.plan.key.rawValue, version: $0.plan.version, name: $0.name,
                effectiveFrom: $0.effectiveFrom.norwegian,
                objectives: $0.objectiveCount, sample: $0.isSample, importedOn: AgreementMail.norwegianDate($0.importedAt))
        }
    }
}
