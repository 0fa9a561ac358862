import Domain
import Engine
import Hummingbird

/// `/varsler`: the person turns each kind of e-mail notice on or off. A notice never carries more than
/// the LIS's name and what waits, but a person may still not want them.
struct NoticeSettingsPages: Sendable {
    static let path = "/varsler"

    let people: PeopleDesk
    let renderer: PageRenderer

    struct Page: Sendable {

        let layout: PageLayout
        let choices: [Choice]
        let saved: Bool
    }

    func show<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: request.pathAndQuery)
        let off = try people.noticeOptOuts(of: principal)
        let page = Page(
            layout: PageLayout(title: "Varsler på e-post", visitor: context.visitor),
            choices: NoticeKind.allCases.map {
                Choice(id: "varsel-\($0.rawValue)", value: $0.rawValue, label: $0.norwegianLabel, checked: !off.contains($0))
            },
            saved: request.uri.queryParameters["lagret"] == "1")
        return HTMLPage.response(try renderer.render(page, template: "notice-settings"))
    }

    func save<Context: PortalRequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let principal = try context.visitor.requirePrincipal(returningTo: Self.path)
        var request = request
        let form = try await FormFields.read(&request, limit: 16 * 1024)
        try await people.setNotices(enabled: Set(form.all("varsel").compactMap(NoticeKind.init(rawValue:))), for: principal)
        return HTMLPage.seeOther(Self.path + "?lagret=1")
    }
}
