import Domain

extension SupportDesk {
    /// The tenants matching a search, one page of them, in id order (support's console).
    package func searchTenants(_ search: TenantSearch, by caller: PlatformCaller) throws -> TenantSearch.Page {
        let matching = try engine.registry.tenants(status: search.status, kind: search.kind).filter(search.matches)
        let pageCount = max(1, (matching.count + search.pageSize - 1) / search.pageSize)
        let page = min(search.page, pageCount)
        let start = (page - 1) * search.pageSize
        return TenantSearch.Page(
            tenants: Array(matching.dropFirst(start).prefix(search.pageSize)), total: matching.count, page: page,
            pageCount: pageCount)
    }
}
