import Domain

/// A page that is not there for this visitor: switched off here (login, the development issuer), or not
/// shown to them (support's console to anyone who is not support staff). The same 404 as an unknown path.
struct PageNotFound: DescribedFailure {
    let detail: String

    var code: String { "route.not-found" }
    var category: FailureCategory { .notFound }
    var message: String { "Vi finner ikke siden du ba om. Sjekk adressen, eller gå til forsiden." }
}
