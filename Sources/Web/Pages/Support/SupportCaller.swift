import Domain
import Engine

extension Visitor {
    /// The logged-in support person as the engine's caller: a login first, and for anyone else the same
    /// 404 as a page that does not exist, so the console does not reveal itself. The engine decides who is
    /// support (`PlatformCaller(support:)`); this only turns its refusal into the 404.
    func requireSupport(returningTo path: String) throws -> PlatformCaller {
        let principal = try requirePrincipal(returningTo: path)
        do {
            return try PlatformCaller(support: principal)
        } catch {
            throw PageNotFound(detail: "Support's console is for support staff")
        }
    }
}
