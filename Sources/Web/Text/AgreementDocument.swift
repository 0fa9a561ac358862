import Foundation

/// The agreement's Markdown-like text as blocks a template can render: headings, paragraphs, bulleted
/// lists and pipe tables, with `**bold**` inside. Only these few forms are recognised; everything else is plain text, and
/// every piece of text stays text (the template escapes it), so a field value can never become markup.
struct AgreementDocument: Sendable {
    /// A run of text, bold or not.
    struct Span: Sendable, Equatable {
        let text: String
        let strong: Bool
    }

    /// One cell of a table.
    struct Cell: Sendable {
        let spans: [Span]
    }

    struct Row: Sendable {
        let cells: [Cell]
    }

    struct Block: Sendable {
        /// `#`: the document's title (an `h2` on a page that has its own `h1`).
        let isTitle: Bool
        /// `##`: a section heading (`h3`).
        let isHeading: Bool
        let isParagraph: Bool
        let isList: Bool
        /// `| a | b |` lines: the first is the header, a `|---|` line is left out.
        let isTable: Bool
        let spans: [Span]
        let items: [[Span]]
        let header: Row
        let rows: [Row]
    }

    let blocks: [Block]

    init(markdown: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var items: [String] = []
        var table: [String] = []

        func flush() {
            if !table.isEmpty {
                let rows = table.filter { !$0.allSatisfy { "|-: ".contains($0) } }.map(Self.row)
                if let header = rows.first { blocks.append(.table(header: header, rows: Array(rows.dropFirst()))) }
                table = []
            }
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
            } else if line.hasPrefix("|") {
                if table.isEmpty { flush() }
                table.append(line)
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

    /// `| a | **b** |` → two cells.
    static func row(_ line: String) -> Row {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if cells.first == "" { cells.removeFirst() }
        if cells.last == "" { cells.removeLast() }
        return Row(cells: cells.map { Cell(spans: spans($0)) })
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
    private static let none = AgreementDocument.Row(cells: [])

    static func heading(_ spans: [AgreementDocument.Span], title: Bool) -> Self {
        .init(
            isTitle: title, isHeading: !title, isParagraph: false, isList: false, isTable: false, spans: spans,
            items: [],
            header: none, rows: [])
    }

    static func paragraph(_ spans: [AgreementDocument.Span]) -> Self {
        .init(
            isTitle: false, isHeading: false, isParagraph: true, isList: false, isTable: false, spans: spans, items: [],
            header: none, rows: [])
    }

    static func list(_ items: [[AgreementDocument.Span]]) -> Self {
        .init(
            isTitle: false, isHeading: false, isParagraph: false, isList: true, isTable: false, spans: [], items: items,
            header: none, rows: [])
    }

    static func table(header: AgreementDocument.Row, rows: [AgreementDocument.Row]) -> Self {
        .init(
            isTitle: false, isHeading: false, isParagraph: false, isList: false, isTable: true, spans: [], items: [],
            header: header, rows: rows)
    }
}
