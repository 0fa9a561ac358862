import Foundation
import Mustache
import Testing

@testable import Web

/// The pages' escaping: the same five characters as swift-mustache's HTML type, found by a byte scan.
@Suite struct PageHTMLTests {
    @Test func eachOfTheFiveCharactersBecomesItsEntityAndEverythingElseStaysAsItIs() {
        #expect(PageHTML.escape(#"<script>alert("x")</script>"#) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
        #expect(PageHTML.escape("Ørsta & Volda's «legesenter» 👩‍⚕️") == "Ørsta &amp; Volda&#39;s «legesenter» 👩‍⚕️")
        #expect(PageHTML.escape("DEL1-001 Akutte tilstander – æøå") == "DEL1-001 Akutte tilstander – æøå")
        #expect(PageHTML.escape("") == "")
        #expect(PageHTML.escape("&amp;") == "&amp;amp;")
    }

    @Test func aTemplateThatSwitchesToItEscapesWhatItRendersAndOnlyThat() throws {
        PageHTML.register()
        let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: PAGE_HTML }}<p title=\"{{title}}\">{{text}}</p>")
        let rendered = template.render(["title": #"a "quoted" 'title'"#, "text": "<b>fet</b> & æøå"])
        #expect(rendered == #"<p title="a &quot;quoted&quot; &#39;title&#39;">&lt;b&gt;fet&lt;/b&gt; &amp; æøå</p>"#)
    }

    /// swift-mustache's own escaper compares whole characters, and a quote followed by a combining mark is one
    /// character that is not a quote: it would close an attribute. The pages escape bytes, so it cannot.
    @Test func aPageThroughTheLayoutEscapesAQuoteEvenWithACombiningMarkAfterIt() throws {
        let page = ErrorPage(
            status: 400, message: "x\"\u{301} onmouseover=alert(1)", requestID: "req-1",
            visitor: Visitor(principal: nil, sessionToken: nil))
        let html = try PageRenderer().render(page, template: "error")
        let escaped = "x&quot;" + String(UnicodeScalar(0x301)!) + " onmouseover"
        let raw = "x\"" + String(UnicodeScalar(0x301)!)
        #expect(html.contains(escaped))
        #expect(!html.contains(raw))
        // The library's default, for the record: the quote passes as it is.
        #expect(try MustacheTemplate(string: "{{text}}").render(["text": raw]) == raw)
        #expect(html.contains("<!doctype html>"))
    }

    /// A fragment is rendered on its own, outside the layout, so it does not inherit the layout's switch: each
    /// one must switch itself, or its values would pass through the library's escaper.
    @Test(arguments: ["agreement-document", "support-tenant-row", "support-filters", "progress-line"])
    func aFragmentRenderedOnItsOwnSwitchesToThePagesEscaping(_ name: String) throws {
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/Web/Templates").standardized
        let text = try String(contentsOf: templates.appendingPathComponent("\(name).mustache"), encoding: .utf8)
        #expect(text.hasPrefix("{{% CONTENT_TYPE: PAGE_HTML }}\n"), "\(name)")
    }
}
