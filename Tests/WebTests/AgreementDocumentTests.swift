import Testing

@testable import Web

/// The agreement's Markdown-like text becomes headings, paragraphs, lists and tables, and stays text.
@Suite struct AgreementDocumentTests {
    static let markdown = """
        # Databehandleravtale

        **Versjon 1**

        - **<b>Oslo</b>**, organisasjonsnummer **974770482** (behandlingsansvarlig,
          heretter «virksomheten»), og
        - leverandøren.

        ## 8. Underdatabehandlere

        | Underdatabehandler | Sted |
        |---|---|
        | Norsk helsenett SF | Norge |
        Avsnitt som
        fortsetter.
        """

    @Test func theBlocksAreRecognised() {
        let blocks = AgreementDocument(markdown: Self.markdown).blocks
        #expect(blocks.map(\.isTitle) == [true, false, false, false, false, false])
        #expect(blocks[1].spans == [.init(text: "Versjon 1", strong: true)])
        #expect(blocks[2].isList && blocks[2].items.count == 2)
        #expect(blocks[2].items[0].last?.text == " (behandlingsansvarlig, heretter «virksomheten»), og")
        #expect(blocks[3].isHeading)
        #expect(blocks[4].isTable && blocks[4].header.cells.count == 2 && blocks[4].rows.count == 1)
        #expect(blocks[5].isParagraph && blocks[5].spans.first?.text == "Avsnitt som fortsetter.")
    }

    @Test func theRenderedDocumentEscapesEveryPieceOfText() throws {
        struct View { let document: AgreementDocument }
        let html = try PageRenderer().render(
            View(document: AgreementDocument(markdown: Self.markdown)), template: "agreement-document")
        #expect(html.contains("<h2>Databehandleravtale</h2>"))
        #expect(html.contains("<h3>8. Underdatabehandlere</h3>"))
        #expect(
            html.contains(
                "<li><strong>&lt;b&gt;Oslo&lt;/b&gt;</strong>, organisasjonsnummer <strong>974770482</strong>"))
        #expect(html.contains(#"<th scope="col">Underdatabehandler</th>"#))
        #expect(html.contains("<td>Norsk helsenett SF</td>"))
        #expect(!html.contains("<b>"))
    }

    @Test func anUnpairedMarkerStaysText() {
        #expect(AgreementDocument.spans("a **b") == [.init(text: "a **b", strong: false)])
    }
}
