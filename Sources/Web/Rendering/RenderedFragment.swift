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
}

extension PageRenderer {
    /// `view` through the template `name`, to be placed into pages later.
    func fragment(_ view: Any, template name: String) throws -> RenderedFragment {
        RenderedFragment(html: try render(view, template: name))
    }

    /// `view` through the template `name`, with `fragment` in place of the template's `{{fragmentSlot}}`.
    func render(_ view: Any, template name: String, placing fragment: RenderedFragment) throws -> String {
        let text = try render(view, template: name)
        guard let slot = text.range(of: RenderedFragment.slot) else { throw PageRendererError.unknownTemplate(name) }
        return text.replacingCharacters(in: slot, with: fragment.html)
    }
}
