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
        pages.post(RouterPath(objective + "/trekk-tilbake")) { try await approvals.revoke($0, $1) }

        let plans = PlanPages(engine: engine, renderer: renderer)
        let planPath = "/virksomhet/:tenantId/lis/:traineeId/planer"
        pages.get(RouterPath(planPath)) { try await plans.show($0, $1) }
        pages.post(RouterPath(planPath)) { try await plans.assign($0, $1) }
        pages.post(RouterPath(planPath + "/:assignmentId/fjern")) { try await plans.change($0, $1, archive: false) }
        pages.post(RouterPath(planPath + "/:assignmentId/arkiver")) { try await plans.change($0, $1, archive: true) }
    }
}

extension Portal {
    /// The LIS's own pages: registration, «Min side», and each objective.
    func addTraineeRoutes<Context: PortalRequestContext>(to pages: RouterGroup<Context>) {
        let trainee = TraineePages(engine: engine, renderer: renderer)
        pages.get(RouterPath(TraineePages.registrationPath)) { try await trainee.registration($0, $1) }
        pages.post(RouterPath(TraineePages.registrationPath)) { try await trainee.register($0, $1) }
        pages.get("/virksomhet/:tenantId/meg") { try await trainee.home($0, $1) }
        pages.post("/virksomhet/:tenantId/meg/inviter") { try await trainee.invite($0, $1) }
        pages.post("/virksomhet/:tenantId/meg/invitasjoner/:invitationId/trekk") { try await trainee.revoke($0, $1) }
        pages.post("/virksomhet/:tenantId/meg/invitasjoner/:invitationId/send-igjen") { try await trainee.resend($0, $1) }

        let objective = TraineeObjectivePages(engine: engine, renderer: renderer, uploadLimit: settings.maxUploadBytes)
        let path = "/virksomhet/:tenantId/meg/laeringsmal/:planKey/:objectiveId"
        pages.get(RouterPath(path)) { try await objective.show($0, $1) }
        pages.post(RouterPath(path + "/aktivitet")) { try await objective.record($0, $1) }
        pages.post(RouterPath(path + "/aktivitet/:activityId/send")) { try await objective.submitActivity($0, $1) }
        pages.post(RouterPath(path + "/aktivitet/:activityId/rett")) { try await objective.correct($0, $1) }
        pages.post(RouterPath(path + "/send")) { try await objective.submitObjective($0, $1) }

        let attachments = AttachmentPages(engine: engine)
        pages.get("/virksomhet/:tenantId/lis/:traineeId/vedlegg/:sha256") { try await attachments.download($0, $1) }

        let records = TraineeRecordPages(engine: engine, renderer: renderer, uploadLimit: settings.maxUploadBytes)
        pages.get("/virksomhet/:tenantId/meg/tilgangslogg") { try await records.accessLog($0, $1) }
        pages.get("/virksomhet/:tenantId/meg/godkjente-laeringsmal") { try await records.approvedRecord($0, $1) }
        pages.get("/virksomhet/:tenantId/meg/bekreftelse") { try await records.completion($0, $1) }
        pages.post("/virksomhet/:tenantId/meg/importer") { try await records.importRecord($0, $1) }

        let notices = NoticeSettingsPages(people: engine.people, renderer: renderer)
        pages.get(RouterPath(NoticeSettingsPages.path)) { try await notices.show($0, $1) }
        pages.post(RouterPath(NoticeSettingsPages.path)) { try await notices.save($0, $1) }
    }
}
