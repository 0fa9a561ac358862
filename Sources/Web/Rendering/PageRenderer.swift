import Domain
import Foundation
import Mustache

/// The mustache templates of the pages (and of the printable reports), loaded once from the target's
/// resources. Every value is HTML-escaped by `{{ }}`; the templates never use `{{{ }}}`, so no text from
/// a person or a file can become markup.
package struct PageRenderer: Sendable {
    private let library: MustacheLibrary

    package init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageRendererError.templatesMissing
        }
        PageHTML.register()
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasSuffix(".mustache")
        }
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw PageRendererError.unparsable(file)
            }
        }
        self.library = library
    }

    /// The text of `view` through the template `name`.
    package func render(_ view: Any, template name: String) throws -> String {
        guard let text = library.render(view, withTemplate: name) else { throw PageRendererError.unknownTemplate(name) }
        return text
    }
}

/// A template that is missing or does not parse: a fault of the build, reported as an internal error.
package enum PageRendererError: DescribedFailure, Equatable {
    case templatesMissing
    case unparsable(String)
    case unknownTemplate(String)

    package var code: String { InternalFailure.code }
    package var category: FailureCategory { .internal }
    package var detail: String {
        switch self {
        case .templatesMissing: "The page templates are missing from the bundle"
        case .unparsable(let file): "The template \(file) does not parse"
        case .unknownTemplate(let name): "No template is called \(name)"
        }
    }
    package var message: String { InternalFailure.message }
}
