import Mustache

/// The signer's page names its values for the template directly: every lookup by reflection walked the
/// page's stored properties, most of the page's time once the agreement text was rendered ahead.
extension AgreementPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "errors": errors
        case "tenantName": tenantName
        case "tenantID": tenantID
        case "status": status
        case "version": version
        case "documentHash": documentHash
        case "fragmentSlot": fragmentSlot
        case "canSign": canSign
        case "needsLevel4": needsLevel4
        case "level4LoginHref": level4LoginHref
        // nil stays nil (a section that does not render), never an optional inside `Any`.
        case "confirmError": confirmError.map { $0 as Any }
        case "newVersionAwaitsSignature": newVersionAwaitsSignature
        case "records": records
        case "hasRecords": hasRecords
        case "justSigned": justSigned
        case "justAccepted": justAccepted
        default: nil
        }
    }
}

extension AgreementStatus: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "tone": tone
        default: nil
        }
    }
}

extension AgreementRecordRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "version": version
        case "state": state
        case "channel": channel
        case "signedBy": signedBy
        case "signedOn": signedOn
        case "countersigned": countersigned
        case "documentHash": documentHash
        case "downloadHref": downloadHref.map { $0 as Any }
        case "copyHref": copyHref.map { $0 as Any }
        default: nil
        }
    }
}
