/// What sort of employer a tenant is: one of the 357 kommuner, or a private or ideell virksomhet.
package enum TenantKind: String, Sendable, Codable, CaseIterable {
    case kommune
    case virksomhet
}
