import Web

/// The pages run on the API's router, so its context is theirs too.
extension AppRequestContext: PortalRequestContext {}
