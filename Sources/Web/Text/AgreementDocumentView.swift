/// What the `agreement-document` template reads.
struct AgreementDocumentView {
    let document: AgreementDocument
}
