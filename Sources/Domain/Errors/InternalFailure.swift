/// What the client learns of a failure the server did not expect: nothing but that it happened. Errors of
/// category `.internal` and every error that does not describe itself read like this; the log has the
/// rest, under the request id.
package struct InternalFailure: DescribedFailure, Equatable {
    package static let code = "server.internal"
    package static let title = "Internal error"
    package static let detail = "Something went wrong on our side; quote the request id when you contact support"
    package static let message =
        "Noe gikk galt hos oss. Prøv igjen om litt, eller kontakt brukerstøtte og oppgi forespørsels-ID-en."

    package init() {}

    package var code: String { Self.code }
    package var category: FailureCategory { .internal }
    package var title: String? { Self.title }
    package var detail: String { Self.detail }
    package var message: String { Self.message }
}
