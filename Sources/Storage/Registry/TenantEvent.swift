import Domain
import Foundation

/// One recorded change of a tenant in the registry's append-only event table.
package struct TenantEvent: Sendable, Equatable {
    package let action: String
    package let from: TenantStatus?
    package let to: TenantStatus?
    package let actor: String
    package let at: Date
    /// The reason the actor gave (suspend, resume, terminate), when one was asked for.
    package let reason: String?
}
