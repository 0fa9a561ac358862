import Domain
import Engine
import Foundation

/// `/verifiser`: anyone uploads a sealed file and sees whether the platform's seal on it is valid, and what
/// it vouches for.
struct VerifyPage: Sendable {
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    let layout: PageLayout
    let errors: FormErrors
    let keyID: String
    let checked: Bool
    let valid: Bool
    let verdict: String
    let facts: [Fact]

    init(keyID: String, visitor: Visitor, errors: FormErrors = FormErrors()) {
        self.layout = PageLayout(title: "Kontroller en forseglet fil", visitor: visitor, hasErrors: errors.hasErrors)
        self.errors = errors
        self.keyID = keyID
        self.checked = false
        self.valid = false
        self.verdict = ""
        self.facts = []
    }

    init(keyID: String, result: SealVerification, visitor: Visitor) {
        self.layout = PageLayout(title: "Kontroller en forseglet fil", visitor: visitor)
        self.errors = FormErrors()
        self.keyID = keyID
        self.checked = true
        switch result {
        case .valid(let document):
            self.valid = true
            self.verdict = "Forseglingen er gyldig. Filen er utstedt av Kompetanseportal og er ikke endret."
            self.facts = Self.facts(of: document)
        case .invalid(let reason):
            self.valid = false
            self.verdict = Self.reason(reason)
            self.facts = []
        }
    }

    /// What a valid file vouches for, by kind.
    static func facts(of document: SealedDocument) -> [Fact] {
        let content = document.content
        var facts = [
            Fact(label: "Type dokument", value: kindName(document.kind)),
            Fact(label: "Nøkkel-id", value: document.seal.keyID),
        ]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(label: label, value: value)) }
        }
        add("Virksomhet", content["tenant"]?["name"]?.stringValue)
        add("Organisasjonsnummer", content["tenant"]?["organisationNumber"]?.stringValue)
        add("Avtaleversjon", content["template"]?["version"]?.stringValue)
        add("Dokumentets SHA-256", content["documentSha256"]?.stringValue)
        add("Signert av virksomheten", signature(content["controllerSignature"]))
        add("Kontrasignert av leverandøren", signature(content["processorSignature"]))
        return facts
    }

    static func signature(_ value: JSONValue?) -> String? {
        guard let name = value?["name"]?.stringValue else { return nil }
        guard let at = value?["at"]?.stringValue, at.count >= 10 else { return name }
        let day = at.prefix(10).split(separator: "-")
        return day.count == 3 ? "\(name), \(day[2]).\(day[1]).\(day[0])" : name
    }

    static func kindName(_ kind: String) -> String {
        switch kind {
        case "databehandleravtale": "Databehandleravtale"
        case "data-return-statement": "Erklæring om tilbakelevering av data"
        case "data-deletion-statement": "Erklæring om sletting av data"
        case ApprovedObjectivesRecord.kind: "Godkjente læringsmål"
        case CompletionConfirmation.kind: "Bekreftelse på gjennomført tjeneste"
        default: kind
        }
    }

    /// The seal check's finding in bokmål.
    static func reason(_ english: String) -> String {
        if english.hasPrefix("not a sealed document") {
            return
                "Filen er ikke en forseglet fil fra Kompetanseportal. Last opp JSON-filen du lastet ned eller fikk på e-post."
        }
        if english.hasPrefix("sealed with key") {
            return "Filen er forseglet med en annen nøkkel enn plattformens. Den er ikke utstedt av denne portalen."
        }
        if english.hasPrefix("the seal does not match") {
            return
                "Forseglingen stemmer ikke med innholdet. Filen er endret etter at den ble forseglet, eller den er forfalsket."
        }
        return "Forseglingen kunne ikke kontrolleres. Filen er ikke gyldig."
    }
}
