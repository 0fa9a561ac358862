import Foundation
import Mustache

/// The e-mail texts: mustache templates in the target's resources, in plain-text mode
/// (`{{%CONTENT_TYPE: TEXT}}`), so a name is written as typed: a text mail has no markup to escape, and
/// nothing in it is ever read as HTML.
enum MailTemplates {
    /// Loaded once. A template that is missing or does not parse is a fault of the build, which the mail
    /// tests catch; the mail then says so instead of failing the operation that sent it.
    private static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return library }
        for file in files where file.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
                continue
            }
            try? library.register(text, named: String(file.dropLast(".mustache".count)))
        }
        return library
    }()

    /// The text of `view` through the template `name`.
    static func render(_ view: Any, template name: String) -> String {
        library.render(view, withTemplate: name) ?? "(Kompetanseportal: e-postmalen «\(name)» mangler.)"
    }
}
