import Synchronization

/// Rendered fragments kept by everything they show (`Key` holds every value the template reads), so a
/// fragment is never stale: a changed value is another key. Support's tenant list renders 25 rows whose
/// values change rarely; looking each row's eight values up through the template library was most of that
/// page's time (perf, release build). Bounded: it starts over when it holds `limit` fragments.
final class FragmentCache<Key: Hashable & Sendable>: Sendable {
    private let limit: Int
    private let renderer: PageRenderer
    private let template: String
    private let fragments = Mutex<[Key: RenderedFragment]>([:])

    init(renderer: PageRenderer, template: String, limit: Int = 4096) {
        self.renderer = renderer
        self.template = template
        self.limit = limit
    }

    /// The fragment of `key` rendered through the template (the key is the template's view).
    func fragment(_ key: Key) throws -> RenderedFragment {
        if let known = fragments.withLock({ $0[key] }) { return known }
        let fragment = try renderer.fragment(key, template: template)
        fragments.withLock { fragments in
            if fragments.count >= limit { fragments.removeAll(keepingCapacity: true) }
            fragments[key] = fragment
        }
        return fragment
    }

    /// The fragments of `keys`, one after another, as one fragment.
    func fragments(_ keys: [Key]) throws -> RenderedFragment {
        RenderedFragment.joined(try keys.map(fragment))
    }
}
