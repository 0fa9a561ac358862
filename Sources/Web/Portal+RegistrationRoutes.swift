import Hummingbird

extension Portal {
    /// A private virksomhet's registration: the form, the person's registrations, and the small script
    /// that checks the organisation number as it is typed.
    func addRegistrationRoutes<Context: PortalRequestContext>(to router: Router<Context>, pages: RouterGroup<Context>) {
        let script = self.orgnrScript
        router.get(RouterPath(script.path)) { request, context in script.serve(request, context) }
        let registration = RegistrationPages(onboarding: engine.onboarding, renderer: renderer)
        pages.get(RouterPath(RegistrationPages.path)) { try await registration.list($0, $1) }
        pages.get(RouterPath(RegistrationPages.formPath)) { try await registration.form($0, $1) }
        pages.post(RouterPath(RegistrationPages.formPath)) { try await registration.submit($0, $1) }
    }
}
