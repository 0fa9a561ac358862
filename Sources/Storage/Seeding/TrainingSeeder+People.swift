import Domain
import Foundation

/// The seeded people: synthetic, plainly named, and keyed so that no key is ever a real person's.
extension TrainingSeeder {
    /// Who the seeded people are.
    package struct People: Sendable {
        /// The first LIS: a real login (a token with this person's pid is this LIS), reused when already
        /// registered as long as they have no progress yet.
        package var lis: Principal
        /// The leder of the first `perLeder` LIS (a real login too).
        package var leder: Principal
        /// The person key of a synthetic person from a generated label; callers pass the same keyed hash
        /// that turns a pid into a key, so synthetic keys look like real ones.
        package var personKey: @Sendable (String) -> PersonKey
        /// The issuer named on synthetic principals.
        package var issuer: String

        package init(
            lis: Principal, leder: Principal, issuer: String, personKey: @escaping @Sendable (String) -> PersonKey
        ) {
            self.lis = lis
            self.leder = leder
            self.issuer = issuer
            self.personKey = personKey
        }
    }

    enum Kind: String {
        case lis, leder, veileder, supervisor
    }

    /// `seed:lis:17`: never an eleven-digit pid, so a synthetic key never is a real person's.
    static func label(_ kind: Kind, _ number: Int) -> String { "seed:\(kind.rawValue):\(number)" }

    func synthetic(_ kind: Kind, _ number: Int, _ people: People) -> Principal {
        let label = Self.label(kind, number)
        let first = Self.firstNames[number % Self.firstNames.count]
        let last = Self.lastNames[(number / Self.firstNames.count + kind.rawValue.count) % Self.lastNames.count]
        let title =
            switch kind {
            case .lis: ""
            case .leder: " (leder)"
            case .veileder: " (veileder)"
            case .supervisor: " (supervisør)"
            }
        return Principal(
            issuer: people.issuer, subject: label, personKey: people.personKey(label), hprNumber: nil,
            name: "\(first) \(last)\(title)", securityLevel: .level4, isSupport: false)
    }

    static let firstNames = [
        "Ingrid", "Ola", "Kari", "Emil", "Nora", "Jonas", "Sara", "Henrik", "Maja", "Sindre", "Thea", "Magnus",
        "Ida", "Tobias", "Amalie", "Filip", "Sofie", "Aksel", "Live", "Johannes",
    ]
    static let lastNames = [
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Jensen", "Karlsen",
        "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Johannessen", "Andreassen", "Jacobsen", "Dahl",
    ]
}
