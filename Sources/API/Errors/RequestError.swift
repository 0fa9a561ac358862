/// Problems with the HTTP request itself, before any domain rule is asked.
package enum RequestError: Error, Equatable {
    case bodyTooLarge(limit: Int)
    case malformedBody(String)
    case invalidParameter(String)
    case routeNotFound
    case methodNotAllowed
}

/// A part the server needs is not reachable; the request may succeed later.
package enum AvailabilityError: Error, Equatable {
    case registryUnavailable
}
