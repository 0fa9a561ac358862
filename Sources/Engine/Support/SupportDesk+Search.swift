import Domain

extension SupportDesk {
    /// The tenants matching a search, one page of them, in id order (support's console).
    package func searchTenants(_ search: TenantSearch, by caller: PlatformCaller) throws -> TenantSearch.Page {
        if search.text.trimmingWhitespace().isEmpty {
            // The whole list, the console's first view: paged by the registry.
            let first = try engine.registry.tenantPage(
                status: search.status, kind: search.kind, offset: (search.page - 1) * search.pageSize,
                limit: search.pageSize)
            let pageCount = max(1, (first.total + search.pageSize - 1) / search.pageSize)
            guard search.page > pageCount else {
                return TenantSearch.Page(tenants: first.tenants, total: first.total, page: search.page, pageCount: pageCount)
            }
            // A page past the end shows the last page, as the filtered search does.
            let last = try engine.registry.tenantPage(
                status: search.status, kind: search.kind, offset: (pageCount - 1) * search.pageSize,
                limit: search.pageSize)
            return TenantSearch.Page(tenants: last.tenants, total: last.total, page: pageCount, pageCount: pageCount)
        }
        let matching = try engine.registry.tenants(status: search.status, kind: search.kind).filter(search.matches)
        let pageCount = max(1, (matching.count + search.pageSize - 1) / search.pageSize)
        let page = min(search.page, pageCount)
        let start = (page - 1) * search.pageSize
        return TenantSearch.Page(
            tenants: Array(matching.dropFirst(start).prefix(search.pageSize)), total: matching.count, page: page,
            pageCount: pageCount)
    }
}
