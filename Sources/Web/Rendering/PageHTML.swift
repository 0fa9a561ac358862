import Mustache

/// The escaping of every `{{ }}` in the pages: the same five characters as swift-mustache's own HTML type
/// (`<`, `>`, `&`, `"`, `'`), found by a scan of the UTF-8 bytes, and the string returned as it is when none is
/// there, which is nearly every value. The library's own escaper looks up each `Character` in a dictionary
/// and builds a new string every time: measured on «Min side» (101 objectives), a fifth of the page's time.
///
/// It is also the safer one: the library compares whole characters, and a quote followed by a combining mark
/// is one character that is not a quote, so it passes unescaped and can close an attribute; a byte scan sees
/// the quote.
///
/// The templates rendered at the top switch to it in their first line (`{{% CONTENT_TYPE: PAGE_HTML }}`): the
/// layouts (`layout`, `report-layout`) and every fragment rendered on its own to be placed into pages
/// (`agreement-document`, `support-tenant-row`, `support-filters`, `progress-line`); the partials and sections
/// inside them inherit it. `PageHTMLTests` checks that each fragment template does. `PageRenderer` registers it before it parses a template: the pragma names a registered type.
struct PageHTML: MustacheContentType {
    static let name = "PAGE_HTML"

    static func register() { MustacheContentTypes.register(PageHTML(), named: name) }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 })
            else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x27: output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }
}
