import Foundation

/// The agreement's Markdown-like text as blocks a template can render: headings, paragraphs and bulleted
/// lists, with `**bold**` inside. Only these few forms are recognised; everything else is plain text, and
/// every piece of text stays text (the template escapes it), so a field value can never become markup.
struct AgreementDocument: Sendable {
    /// A run of text, bold or not.
    struct Span: Sendable, Equatable {
        let text: String
        let strong: Bool
    }

    struct Block: Sendable {
        /// `#`: the document's title (an `h2` on a page that has its own `h1`).
        let isTitle: Bool
        /// `##`: a section heading (`h3`).
        let isHeading: Bool
        let isParagraph: Bool
        let isList: Bool
        let spans: [Span]
        let items: [[Span]]
    }

    let blocks: [Block]

    init(markdown: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var items: [String] = []

        func flush() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(Self.spans(paragraph.joined(separator: " "))))
                paragraph = []
            }
            if !items.isEmpty {
                blocks.append(.list(items.map(Self.spans)))
                items = []
            }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("## ") {
                flush()
                blocks.append(.heading(Self.spans(String(line.dropFirst(3))), title: false))
            } else if line.hasPrefix("# ") {
                flush()
                blocks.append(.heading(Self.spans(String(line.dropFirst(2))), title: true))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                if !paragraph.isEmpty { flush() }
                items.append(String(line.dropFirst(2)))
            } else if !items.isEmpty, rawLine.hasPrefix(" ") {
                // An indented line continues the list item above it.
                items[items.count - 1] += " " + line
            } else {
                if !items.isEmpty { flush() }
                paragraph.append(line)
            }
        }
        flush()
        self.blocks = blocks
    }

    /// `a **b** c` → `a `, bold `b`, ` c`. An unpaired `**` is kept as text.
    static func spans(_ text: String) -> [Span] {
        let parts = text.components(separatedBy: "**")
        guard parts.count % 2 == 1 else { return [Span(text: text, strong: false)] }
        return parts.enumerated().compactMap { index, part in
            part.isEmpty ? nil : Span(text: part, strong: index % 2 == 1)
        }
    }
}

extension AgreementDocument.Block {
    static func heading(_ spans: [AgreementDocument.Span], title: Bool) -> Self {
        .init(isTitle: title, isHeading: !title, isParagraph: false, isList: false, spans: spans, items: [])
    }

    static func paragraph(_ spans: [AgreementDocument.Span]) -> Self {
        .init(isTitle: false, isHeading: false, isParagraph: true, isList: false, spans: spans, items: [])
    }

    static func list(_ items: [[AgreementDocument.Span]]) -> Self {
        .init(isTitle: false, isHeading: false, isParagraph: false, isList: true, spans: [], items: items)
    }
}
