/// The person is known but may not do this.
package enum AccessError: Error, Equatable {
    case supportOnly
}

/// Problems with the HTTP request itself, before any domain rule is asked.
package enum RequestError: Error, Equatable {
    case bodyTooLarge(limit: Int)
    case malformedBody(String)
    case invalidParameter(String)
    case routeNotFound
    case methodNotAllowed
}
