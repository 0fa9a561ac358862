import Foundation

/// Part of a page rendered once by the page templates (so escaped like every page) and placed into pages
/// again without rendering it again: the agreement text, the same for every signer of a version, was two
/// thirds of the signer's page time.
///
/// Only `PageRenderer.fragment(_:template:)` makes one, so the HTML in it always came out of an escaping
/// template; a page puts it where its template says `{{fragmentSlot}}`.
struct RenderedFragment: Sendable {
    let html: String

    fileprivate init(html: String) { self.html = html }

    /// What `{{fragmentSlot}}` renders, to be replaced by the fragment: letters, digits and hyphens (escaping
    /// leaves it as it is) with a random part that no text a person typed can predict.
    static let slot = "kp-fragment-\(UUID().uuidString)"

    /// Fragments one after another: still only what the templates rendered.
    static func joined(_ fragments: [RenderedFragment]) -> RenderedFragment {
        RenderedFragment(html: fragments.map(\.html).joined())
    }
}

extension PageRenderer {
    /// `view` through the template `name`, to be placed into pages later.
    func fragment(_ view: Any, template name: String) throws -> RenderedFragment {
        RenderedFragment(html: try render(view, template: name))
    }

    /// `view` through the template `name`, with `fragment` in place of the template's `{{fragmentSlot}}`.
    func render(_ view: Any, template name: String, placing fragment: RenderedFragment) throws -> String {
        try render(view, template: name, placing: [fragment])
    }

    /// `view` through the template `name`, with `fragments` in place of its `{{fragmentSlot}}`s in the order they
    /// come (a progress report's tables, one per plan); there must be one fragment for each slot.
    func render(_ view: Any, template name: String, placing fragments: [RenderedFragment]) throws -> String {
        let text = try render(view, template: name)
        var page = String()
        page.reserveCapacity(text.utf8.count + fragments.reduce(0) { $0 + $1.html.utf8.count })
        var rest = text[...]
        for fragment in fragments {
            guard let slot = Self.range(of: RenderedFragment.slot, in: rest) else {
                throw PageRendererError.unknownTemplate(name)
            }
            page += rest[..<slot.lowerBound]
            page += fragment.html
            rest = rest[slot.upperBound...]
        }
        guard Self.range(of: RenderedFragment.slot, in: rest) == nil else { throw PageRendererError.unknownTemplate(name) }
        page += rest
        return page
    }

    /// Where `needle` first is in `text`, by its UTF-8 bytes: the slot is ASCII, and Foundation's
    /// `range(of:)` bridged the whole page through `NSString`, a tenth of the signer's page time.
    static func range(of needle: String, in text: Substring) -> Range<String.Index>? {
        let bytes = Array(needle.utf8)
        guard let first = bytes.first else { return nil }
        let utf8 = text.utf8
        var index = utf8.startIndex
        while let start = utf8[index...].firstIndex(of: first) {
            let end = utf8.index(start, offsetBy: bytes.count, limitedBy: utf8.endIndex) ?? utf8.endIndex
            if utf8[start..<end].elementsEqual(bytes) { return start..<end }
            index = utf8.index(after: start)
        }
        return nil
    }
}
