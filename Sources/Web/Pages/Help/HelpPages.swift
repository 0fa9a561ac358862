import Hummingbird

/// «Slik gjør du det»: a short help page per role, in place of the PDF manuals, open to anyone (logged in or
/// not) and linked from every page's footer.
struct HelpPages: Sendable {
    static let path = "/hjelp"

    let renderer: PageRenderer

    /// `GET /hjelp`.
    func index<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        HTMLPage.response(try renderer.render(HelpPage(segment: nil, visitor: context.visitor), template: "help"))
    }

    /// `GET /hjelp/{rolle}`: one of `HelpPage.roles`, else the page that is not there.
    func role<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let segment = try context.parameters.require("role")
        guard HelpPage.roles.contains(where: { $0.segment == segment }) else {
            throw PageNotFound(detail: "No help page for this role")
        }
        let page = HelpPage(segment: segment, visitor: context.visitor)
        return HTMLPage.response(try renderer.render(page, template: "help-" + segment))
    }
}
