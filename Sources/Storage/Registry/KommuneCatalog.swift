import Domain
import Foundation

/// The 357 kommuner valid from 2024-01-01 (SSB classification 131), shipped as seed data with the product.
package struct KommuneCatalog: Sendable {
    package struct Kommune: Sendable, Equatable {
        package let number: Kommunenummer
        package let name: String
        package let fylke: String
    }

    package let all: [Kommune]
    private let byNumber: [Kommunenummer: Kommune]

    package init(csv: String) throws {
        var kommuner: [Kommune] = []
        for (index, line) in csv.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { throw KommuneCatalogError.malformedLine(index + 1) }
            kommuner.append(Kommune(number: try Kommunenummer(fields[0]), name: fields[1], fylke: fields[3]))
        }
        self.all = kommuner
        self.byNumber = Dictionary(kommuner.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The seed list bundled with the `Storage` target.
    package static func bundled() throws -> KommuneCatalog {
        guard let url = Bundle.module.url(forResource: "kommuner_2024", withExtension: "csv") else {
            throw KommuneCatalogError.missingResource
        }
        return try KommuneCatalog(csv: String(contentsOf: url, encoding: .utf8))
    }

    package func kommune(_ number: Kommunenummer) -> Kommune? { byNumber[number] }

    /// Validates a raw kommunenummer against the list, naming the field on failure.
    package func validate(_ raw: String, field: String = "kommunenummer") throws(ValidationError) -> Kommune {
        let number = try Kommunenummer(raw, field: field)
        guard let kommune = byNumber[number] else { throw ValidationError(field: field, reason: .unknownKommunenummer) }
        return kommune
    }
}

package enum KommuneCatalogError: Error {
    case missingResource
    case malformedLine(Int)
}
