import Hummingbird

extension Portal {
    /// The training work of the people in a tenant: the signer's list, the leder's approvals.
    func addWorkRoutes<Context: PortalRequestContext>(to pages: RouterGroup<Context>) {
        let signing = SigningPages(engine: engine, renderer: renderer)
        pages.get(RouterPath(SigningPages.path)) { try await signing.list($0, $1) }
        pages.post("/til-signering/:tenantId/:traineeId/:activityId/godkjenn") { try await signing.approve($0, $1) }
        pages.post("/til-signering/:tenantId/:traineeId/:activityId/avvis") { try await signing.reject($0, $1) }

        let approvals = ApprovalPages(engine: engine, renderer: renderer)
        let objective = "/virksomhet/:tenantId/lis/:traineeId/laeringsmal/:planKey/:objectiveId"
        pages.get("/virksomhet/:tenantId/til-godkjenning") { try await approvals.list($0, $1) }
        pages.get(RouterPath(objective)) { try await approvals.objective($0, $1) }
        pages.post(RouterPath(objective + "/godkjenn")) { try await approvals.approve($0, $1) }
        pages.post(RouterPath(objective + "/underkjenn")) { try await approvals.reject($0, $1) }
    }
}
