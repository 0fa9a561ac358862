/// A value from outside that does not satisfy the domain's rules, naming the field it came from.
///
/// The field name travels to the client in problem+json, so a user can see which input to fix.
package struct ValidationError: DescribedFailure, Equatable {
    package enum Reason: Equatable, Sendable {
        case missing
        case wrongLength(expected: Int)
        case tooLong(max: Int)
        case notDigits
        case badCheckDigit
        case illegalCharacters
        case unknownKommunenummer
        case notAllowed(String)
    }

    package let field: String
    package let reason: Reason

    package init(field: String, reason: Reason) {
        self.field = field
        self.reason = reason
    }

    package var code: String { "validation.failed" }
    package var category: FailureCategory { .invalid }
    package var title: String? { "Invalid input" }
    package var inputField: String? { field }

    /// A short English sentence for the problem detail; never contains the rejected value.
    package var detail: String {
        switch reason {
        case .missing: "\(field) is required"
        case .wrongLength(let expected): "\(field) must be exactly \(expected) characters"
        case .tooLong(let max): "\(field) must be at most \(max) characters"
        case .notDigits: "\(field) must contain digits only"
        case .badCheckDigit: "\(field) has an invalid check digit (mod-11)"
        case .illegalCharacters: "\(field) may contain only lower-case letters a-z, digits and hyphens"
        case .unknownKommunenummer: "\(field) is not a kommunenummer valid from 2024-01-01"
        case .notAllowed(let why): "\(field): \(why)"
        }
    }

    /// A bokmål sentence to show next to the field (the page names the field), so it does not repeat the
    /// API's field name; never contains the rejected value.
    package var message: String {
        switch reason {
        case .missing: "Fyll ut dette feltet."
        case .wrongLength(let expected): "Skriv nøyaktig \(expected) tegn."
        case .tooLong(let max): "Skriv høyst \(max) tegn."
        case .notDigits: "Bruk bare sifre."
        case .badCheckDigit: "Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig."
        case .illegalCharacters: "Bruk bare små bokstaver a–z, sifre og bindestrek."
        case .unknownKommunenummer: "Vi kjenner ikke dette kommunenummeret. Bruk kommunenummeret som gjelder fra 2024."
        case .notAllowed: "Verdien er ikke tillatt. Sjekk det du har skrevet."
        }
    }
}
