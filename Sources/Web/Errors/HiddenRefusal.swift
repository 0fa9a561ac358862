import Domain

/// A refusal because of the visitor's role answers as the page that is not there (404, not 403), so a page
/// never tells a person that something exists for a LIS they do not follow in that capacity. The engine
/// still decides; this only chooses how its refusal reads.
enum HiddenRefusal {
    static func hidingForbidden<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as any DescribedFailure where failure.category == .forbidden {
            throw PageNotFound(detail: failure.detail)
        }
    }
}
