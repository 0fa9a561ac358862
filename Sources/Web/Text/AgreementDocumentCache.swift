import Synchronization

/// The parsed blocks of agreement texts, kept by each text's SHA-256: the same agreement is shown again and
/// again on the signer's page, and parsing it was a tenth of that page's time (perf, release build). Owned
/// by the `Portal`, so each server (and each test's app) has its own. Bounded: it starts over when it holds
/// `limit` texts, so a server with thousands of tenants never keeps more than that.
final class AgreementDocumentCache: Sendable {
    private let limit: Int
    private let documents = Mutex<[String: AgreementDocument]>([:])

    init(limit: Int = 256) { self.limit = limit }

    func document(markdown: String, sha256: String) -> AgreementDocument {
        if let known = documents.withLock({ $0[sha256] }) { return known }
        let document = AgreementDocument(markdown: markdown)
        documents.withLock { documents in
            if documents.count >= limit { documents.removeAll(keepingCapacity: true) }
            documents[sha256] = document
        }
        return document
    }
}
