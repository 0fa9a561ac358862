import Mustache

/// The agreement's blocks name their values for the templates directly instead of through reflection:
/// a long agreement has hundreds of spans, and a `Mirror` per lookup was most of the signer's page's time
/// (perf on the release build: 40 % of the page in `Mirror.getValue`). Each key is the property of the same
/// name; the templates (`agreement-document`, `span`) use exactly these.
extension AgreementDocument: MustacheParent {
    func child(named name: String) -> Any? { name == "blocks" ? blocks : nil }
}

extension AgreementDocument.Block: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "isTitle": isTitle
        case "isHeading": isHeading
        case "isParagraph": isParagraph
        case "isList": isList
        case "isTable": isTable
        case "spans": spans
        case "items": items
        case "header": header
        case "rows": rows
        default: nil
        }
    }
}

extension AgreementDocument.Span: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "strong": strong
        default: nil
        }
    }
}

extension AgreementDocument.Row: MustacheParent {
    func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

extension AgreementDocument.Cell: MustacheParent {
    func child(named name: String) -> Any? { name == "spans" ? spans : nil }
}
