import Domain
import Foundation

/// The public list of agreements as a page shows it: the kommuner matching a search by name and a fylke,
/// each with its fylke, the virksomheter whose agreement is in force, and the fylker to choose from.
package struct PublicAgreementList: Sendable {
    package struct Entry: Sendable {
        package let tenant: Tenant
        /// The kommune's fylke (nil for a virksomhet).
        package let fylke: String?
        package let inForceSince: Date?
    }

    package let kommuner: [Entry]
    package let virksomheter: [Entry]
    /// Every fylke in the kommune catalogue, in catalogue order (by fylkesnummer).
    package let fylker: [String]
    /// Of all kommuner, not only the matching ones.
    package let kommunerTotal: Int
    package let kommunerInForce: Int
}
