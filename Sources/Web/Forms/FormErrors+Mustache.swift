import Mustache

/// Every page with a form looks up `errors.hasErrors` for its error summary; named directly rather than
/// reflected, which was the largest share of the signer's page's lookups once its own values were named.
extension FormErrors: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasErrors": hasErrors
        case "items": items
        default: nil
        }
    }
}

extension FormErrors.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "fieldID": fieldID
        case "message": message
        case "summary": summary
        default: nil
        }
    }
}
