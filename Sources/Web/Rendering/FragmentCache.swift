import Synchronization

/// Rendered fragments kept by a key that stands for everything they show, so a fragment is never stale: a
/// changed value is another key. The agreement text is kept by its SHA-256 (parsing and rendering it was most
/// of the signer's page); support's tenant rows by every value a row shows (looking each row's values up
/// through the template library was most of that list). Bounded: it starts over when it holds `limit`
/// fragments, so a server with thousands of tenants never keeps more than that.
final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private let limit: Int
    private let renderer: PageRenderer
    private let template: String
    private let fragments = Mutex<[Key: RenderedFragment]>([:])

    init(renderer: PageRenderer, template: String, limit: Int) {
        self.renderer = renderer
        self.template = template
        self.limit = limit
    }

    /// The fragment of `key`; when it is not kept yet, `view()` is rendered through the template.
    func fragment(_ key: Key, view: () -> Any) throws -> RenderedFragment {
        if let known = fragments.withLock({ $0[key] }) { return known }
        let fragment = try renderer.fragment(view(), template: template)
        fragments.withLock { fragments in
            if fragments.count >= limit { fragments.removeAll(keepingCapacity: true) }
            fragments[key] = fragment
        }
        return fragment
    }

    /// The fragments of `keys`, each key its own view, one after another as one fragment.
    func fragments(_ keys: [Key]) throws -> RenderedFragment {
        RenderedFragment.joined(try keys.map { key in try fragment(key) { key } })
    }
}
