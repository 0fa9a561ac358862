import Synchronization

/// Agreement texts rendered as HTML (`agreement-document`), kept by each text's SHA-256: the same agreement
/// is shown again and again on the signer's page, and parsing and rendering it was most of that page's time
/// (perf, release build). Owned by the `Portal`, so each server (and each test's app) has its own. Bounded:
/// it starts over when it holds `limit` texts, so a server with thousands of tenants never keeps more than
/// that.
final class AgreementDocumentCache: Sendable {
    private let limit: Int
    private let renderer: PageRenderer
    private let documents = Mutex<[String: RenderedFragment]>([:])

    init(renderer: PageRenderer, limit: Int = 256) {
        self.renderer = renderer
        self.limit = limit
    }

    /// The text `markdown` (whose SHA-256 is `sha256`) as the `agreement-document` template renders it.
    func document(markdown: String, sha256: String) throws -> RenderedFragment {
        if let known = documents.withLock({ $0[sha256] }) { return known }
        let document = try renderer.fragment(
            AgreementDocumentView(document: AgreementDocument(markdown: markdown)), template: "agreement-document")
        documents.withLock { documents in
            if documents.count >= limit { documents.removeAll(keepingCapacity: true) }
            documents[sha256] = document
        }
        return document
    }
}

/// What the `agreement-document` template reads.
struct AgreementDocumentView {
    let document: AgreementDocument
}
