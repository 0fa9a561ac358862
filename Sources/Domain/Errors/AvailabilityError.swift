/// A part the server needs is not reachable; the request may succeed later.
package enum AvailabilityError: DescribedFailure, Equatable {
    case registryUnavailable

    package var code: String { "registry.unavailable" }
    package var category: FailureCategory { .unavailable }
    package var title: String? { "Registry unavailable" }
    package var detail: String { "The tenant registry cannot be read; try again shortly" }
    package var message: String { "Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt." }
    package var retryAfter: Duration? { .seconds(5) }
}
