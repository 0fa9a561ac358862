import Domain
import Foundation

/// Support's search of the tenants: free text over name, id, kommunenummer and organisation number, the
/// status and kind filters, and which page of the result to show.
package struct TenantSearch: Sendable, Equatable {
    package var text: String
    package var status: TenantStatus?
    package var kind: TenantKind?
    /// 1-based.
    package var page: Int
    package var pageSize: Int

    package init(
        text: String = "", status: TenantStatus? = nil, kind: TenantKind? = nil, page: Int = 1, pageSize: Int = 25
    ) {
        self.text = text
        self.status = status
        self.kind = kind
        self.page = max(1, page)
        self.pageSize = min(max(1, pageSize), 200)
    }

    /// One page of the tenants that match.
    package struct Page: Sendable {
        package let tenants: [Tenant]
        package let total: Int
        package let page: Int
        package let pageCount: Int
    }

    /// Whether a tenant matches the text: a number matches the start of a kommunenummer or organisation
    /// number, anything else a part of the name or id (ignoring case and accents).
    func matches(_ tenant: Tenant) -> Bool {
        let query = text.trimmingWhitespace()
        guard !query.isEmpty else { return true }
        if query.allSatisfy(\.isNumber) {
            return tenant.kommunenummer?.rawValue.hasPrefix(query) == true
                || tenant.organisationNumber?.rawValue.hasPrefix(query) == true
        }
        return tenant.name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            || tenant.id.rawValue.contains(query.lowercased())
    }
}
